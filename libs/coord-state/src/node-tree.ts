// The node tree: a flat map from absolute path to node, each node holding the names of its
// children. Mutations are primitives that keep the parent/child links and counters right and
// register their inverse in the command's Journal; request validation lives in node-ops.ts.

import { assert } from './assert';
import type { Journal } from './journal';
import { ROOT_PATH, baseName, childPath, parentPath } from './paths';

/** ZooKeeper Stat with etcd revisions (camelCase here; the shell maps to snake_case fields). */
export interface Stat {
  /** Number of data changes since create (0 after create). */
  version: number;
  /** Number of child creates and deletes since create. */
  cversion: number;
  /** Revision of the write transaction that created the node (0 for the root). */
  createRevision: number;
  /** Revision of the last write of this node's data (its create revision at first). */
  modRevision: number;
  /** Owning session id of an ephemeral node, 0 for a persistent node. */
  ephemeralOwner: number;
  numChildren: number;
  dataLength: number;
}

export class TreeNode {
  data: Uint8Array;
  version = 0;
  cversion = 0;
  createRevision: number;
  modRevision: number;
  ephemeralOwner: number;
  /** Child names; null while the node has none (most nodes are leaves). */
  children: Set<string> | null = null;

  constructor(data: Uint8Array, revision: number, ephemeralOwner: number) {
    this.data = data;
    this.createRevision = revision;
    this.modRevision = revision;
    this.ephemeralOwner = ephemeralOwner;
  }

  get numChildren(): number {
    return this.children === null ? 0 : this.children.size;
  }

  stat(): Stat {
    return {
      version: this.version,
      cversion: this.cversion,
      createRevision: this.createRevision,
      modRevision: this.modRevision,
      ephemeralOwner: this.ephemeralOwner,
      numChildren: this.numChildren,
      dataLength: this.data.length,
    };
  }
}

const EMPTY = new Uint8Array(0);

export class NodeTree {
  private readonly nodes = new Map<string, TreeNode>();

  constructor() {
    this.nodes.set(ROOT_PATH, new TreeNode(EMPTY, 0, 0));
  }

  get size(): number {
    return this.nodes.size;
  }

  get(path: string): TreeNode | undefined {
    return this.nodes.get(path);
  }

  /** Adds `node` at `path` under its existing parent. */
  insert(j: Journal, path: string, node: TreeNode): void {
    const parent = this.nodes.get(parentPath(path));
    assert(parent !== undefined, 'insert under an existing parent');
    assert(!this.nodes.has(path), 'insert at a free path');
    const name = baseName(path);
    if (parent.children === null) parent.children = new Set();
    parent.children.add(name);
    parent.cversion++;
    this.nodes.set(path, node);
    j.onUndo(() => {
      this.nodes.delete(path);
      parent.children!.delete(name);
      parent.cversion--;
    });
  }

  /** Removes the leaf at `path` and returns it. */
  remove(j: Journal, path: string): TreeNode {
    const node = this.nodes.get(path);
    assert(node !== undefined && path !== ROOT_PATH, 'remove an existing non-root node');
    assert(node.numChildren === 0, 'remove only leaves');
    const parent = this.nodes.get(parentPath(path))!;
    const name = baseName(path);
    parent.children!.delete(name);
    parent.cversion++;
    this.nodes.delete(path);
    j.onUndo(() => {
      this.nodes.set(path, node);
      parent.children!.add(name);
      parent.cversion--;
    });
    return node;
  }

  setData(j: Journal, node: TreeNode, data: Uint8Array): void {
    const { data: oldData, version, modRevision } = node;
    assert(j.revision > modRevision, 'mod revisions only increase');
    node.data = data;
    node.version = version + 1;
    node.modRevision = j.revision;
    j.onUndo(() => {
      node.data = oldData;
      node.version = version;
      node.modRevision = modRevision;
    });
  }

  /** Child names of `node`, sorted (by UTF-16 code unit = byte order for valid names). */
  childNames(node: TreeNode): string[] {
    if (node.children === null) return [];
    return [...node.children].sort();
  }

  /** Every path of the subtree at `path`, children before parents, siblings sorted. */
  postOrder(path: string): string[] {
    const out: string[] = [];
    const visit = (p: string): void => {
      const node = this.nodes.get(p)!;
      for (const name of this.childNames(node)) visit(childPath(p, name));
      out.push(p);
    };
    visit(path);
    return out;
  }

  /** Every [path, node], parents before children, siblings sorted (snapshot order). */
  *preOrder(): Generator<[string, TreeNode]> {
    const stack: string[] = [ROOT_PATH];
    while (stack.length > 0) {
      const p = stack.pop()!;
      const node = this.nodes.get(p)!;
      yield [p, node];
      const names = this.childNames(node);
      for (let i = names.length - 1; i >= 0; i--) stack.push(childPath(p, names[i]));
    }
  }

  /** Restore-only: place a node without journaling (snapshot load, parents first). */
  load(path: string, node: TreeNode): void {
    if (path === ROOT_PATH) {
      this.nodes.set(ROOT_PATH, node);
      return;
    }
    const parent = this.nodes.get(parentPath(path));
    assert(parent !== undefined, 'snapshot lists parents before children');
    assert(!this.nodes.has(path), 'snapshot lists each path once');
    if (parent.children === null) parent.children = new Set();
    parent.children.add(baseName(path));
    this.nodes.set(path, node);
  }

  /** Full consistency check (tests, and after restore). Returns the number of nodes. */
  checkLinks(): number {
    let linked = 1;
    for (const [path, node] of this.nodes) {
      if (node.children !== null) {
        for (const name of node.children) {
          assert(this.nodes.has(childPath(path, name)), `child '${name}' of '${path}' exists`);
          linked++;
        }
      }
      if (path !== ROOT_PATH) {
        const parent = this.nodes.get(parentPath(path));
        assert(
          parent?.children?.has(baseName(path)) === true,
          `'${path}' is linked from its parent`,
        );
        assert(parent.ephemeralOwner === 0, `'${path}' has no ephemeral parent`);
      }
    }
    assert(linked === this.nodes.size, 'numChildren sums to the node count');
    return linked;
  }
}
