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
  /** Bookkeeping, not state: the id of the last TreeView that emitted this node. */
  emittedBy = 0;

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

/** What a snapshot keeps of a node (children and numChildren are derived on load). */
export interface NodeImage {
  data: Uint8Array;
  version: number;
  cversion: number;
  createRevision: number;
  modRevision: number;
  ephemeralOwner: number;
}

function imageOf(n: TreeNode): NodeImage {
  return {
    data: n.data,
    version: n.version,
    cversion: n.cversion,
    createRevision: n.createRevision,
    modRevision: n.modRevision,
    ephemeralOwner: n.ephemeralOwner,
  };
}

/**
 * A copy-on-write view of the tree at the moment `NodeTree.openView` was called, read one node
 * at a time by `next()` while the tree keeps changing. Opening is O(1); the tree pays one small
 * copy per path it changes while the view is open, and only before the view has passed it.
 *
 * How: `next()` walks the live map with its own iterator (a Map iterator survives mutation:
 * it skips entries deleted before it reaches them and visits entries added or re-added after
 * it). Before the tree first changes a path since the capture, it saves the path's
 * capture-time image in `saved` (null: the path did not exist then) — unless the view has
 * already emitted it (the node carries the view's id in `emittedBy`). So a path the walk
 * reaches is emitted from `saved` if changed, skipped if null, else from the live node
 * (unchanged since the capture); an emitted path's entry becomes null and its node is marked,
 * so a path re-added after it was emitted is skipped. Paths removed before the walk reached
 * them are emitted from `saved` after the walk, shallowest first (one scan of `saved`, which
 * holds one entry per path changed during the build).
 *
 * Order: parents before children (what restore needs). The live map has that order (see
 * `insert`), and a path re-added after the capture comes after its re-added parent; the
 * leftovers after the walk sort by depth, and their parents are emitted before them either way.
 */
export class TreeView {
  /** Capture-time images of paths changed since the capture (null: skip the path). */
  readonly saved = new Map<string, NodeImage | null>();
  /** Nodes at the capture: `next()` returns exactly this many. */
  readonly size: number;
  private emitted = 0;
  private readonly walk: Iterator<[string, TreeNode]>;
  private leftovers: Array<[string, NodeImage]> | null = null;
  private closed = false;

  constructor(
    /** Unique per tree and > 0, for TreeNode.emittedBy. */
    readonly id: number,
    nodes: Map<string, TreeNode>,
    private readonly onClose: (v: TreeView) => void,
  ) {
    this.size = nodes.size;
    this.walk = nodes.entries();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /**
   * The next [path, image] of the capture, or undefined when all were returned (the view is
   * then closed). The image may be the live node: read it before the tree changes again.
   */
  next(): [string, NodeImage] | undefined {
    assert(!this.closed, 'a tree view is read only while open (another view replaced it?)');
    while (this.leftovers === null) {
      const step = this.walk.next();
      if (step.done === true) {
        this.leftovers = [...this.saved]
          .filter((e): e is [string, NodeImage] => e[1] !== null)
          .sort((a, b) => depth(b[0]) - depth(a[0]));
        break;
      }
      const [path, node] = step.value;
      const saved = this.saved.get(path);
      // Skipped: new since the capture, emitted already, or (same node object) emitted and then
      // re-added by a rolled-back removal, which re-inserts without preserving.
      if (saved === null || node.emittedBy === this.id) continue;
      node.emittedBy = this.id;
      this.emitted++;
      if (saved === undefined) return [path, node];
      this.saved.set(path, null);
      return [path, saved];
    }
    const e = this.leftovers.pop();
    if (e !== undefined) {
      this.saved.set(e[0], null);
      this.emitted++;
      return e;
    }
    assert(this.emitted === this.size, 'a tree view returns every node of the capture once');
    this.close();
    return undefined;
  }

  /** Stops the view (the tree stops saving for it). Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.saved.clear();
    this.onClose(this);
  }

  /** Called by the tree before it first changes `path` (node: its current node, if any). */
  preserve(path: string, node: TreeNode | undefined): void {
    if (this.saved.has(path) || node?.emittedBy === this.id) return;
    this.saved.set(path, node === undefined ? null : imageOf(node));
  }
}

function depth(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 0x2f) n++;
  return path === ROOT_PATH ? 0 : n;
}

export class NodeTree {
  private readonly nodes = new Map<string, TreeNode>();
  /** The open snapshot view, if any: every change below preserves what it will change. */
  private view: TreeView | null = null;
  private viewsOpened = 0;

  constructor() {
    this.nodes.set(ROOT_PATH, new TreeNode(EMPTY, 0, 0));
  }

  get size(): number {
    return this.nodes.size;
  }

  get(path: string): TreeNode | undefined {
    return this.nodes.get(path);
  }

  /**
   * Opens a copy-on-write view of the tree as it is now (see TreeView), closing any view still
   * open: one view at a time.
   */
  openView(): TreeView {
    this.view?.close();
    const v = new TreeView(++this.viewsOpened, this.nodes, (closed) => {
      if (this.view === closed) this.view = null;
    });
    this.view = v;
    return v;
  }

  /**
   * Adds `node` at `path` under its existing parent. Map order stays parents-first: a parent
   * is inserted before its children, removed after them, and rollback re-inserts removed nodes
   * in reverse order of removal.
   */
  insert(j: Journal, path: string, node: TreeNode): void {
    const pp = parentPath(path);
    const parent = this.nodes.get(pp);
    assert(parent !== undefined, 'insert under an existing parent');
    assert(!this.nodes.has(path), 'insert at a free path');
    if (this.view !== null) {
      this.view.preserve(pp, parent);
      this.view.preserve(path, undefined);
    }
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
    const pp = parentPath(path);
    const parent = this.nodes.get(pp)!;
    if (this.view !== null) {
      this.view.preserve(pp, parent);
      this.view.preserve(path, node);
    }
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

  setData(j: Journal, path: string, node: TreeNode, data: Uint8Array): void {
    const { data: oldData, version, modRevision } = node;
    assert(j.revision > modRevision, 'mod revisions only increase');
    assert(this.nodes.get(path) === node, 'setData names the node by its path');
    this.view?.preserve(path, node);
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
    assert(this.view === null, 'no view is open during a restore');
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
