/**
 * `trib acl add|remove|list`: access control entries (DESIGN §7) in the coordination state,
 * against `--bootstrap` brokers, which pass the calls on to the coordinators; in the spirit of
 * Kafka's kafka-acls.
 *
 *   trib acl add --principal alice --topic orders --operation write --allow
 *   trib acl add --principal '*' --group billing- --prefix --operation read --allow
 *   trib acl remove --principal alice --topic orders          (every entry of alice on orders)
 *   trib acl list --path /app --prefix --json
 *
 * The resource is one of --topic NAME, --group NAME, --path PATH or --cluster; its pattern is
 * literal unless --prefix. `add` builds one entry per --operation; `remove` and `list` select
 * entries by the flags given (a flag left out matches anything; with a resource and no
 * --prefix, literal entries only), and `remove` needs at least one flag or --all.
 */
import type { Command } from 'commander';
import type { AclEntry, AclFilter } from '@tributary/client';
import {
  ACL_OPERATIONS,
  type AclOperation,
  type AclResourceType,
  validateAcl,
} from '@tributary/coord-state';
import {
  brokerAction,
  printJson,
  table,
  withAdmin,
  withBrokerOptions,
  type JsonOpts,
} from '../brokers';
import { listOf, oneOf } from '../options';

type AclOpts = JsonOpts & {
  principal?: string;
  topic?: string;
  group?: string;
  path?: string;
  cluster?: boolean;
  prefix?: boolean;
  operation?: AclOperation[];
  allow?: boolean;
  deny?: boolean;
  all?: boolean;
};

const OPERATIONS = ACL_OPERATIONS.join(', ');
const RESOURCE_FLAGS = '--topic NAME, --group NAME, --path PATH or --cluster';

export function registerAcl(program: Command): void {
  const acl = program
    .command('acl')
    .description('access control entries: who may do what to which topics, groups and paths');
  registerAdd(acl);
  registerRemove(acl);
  registerList(acl);
}

/** The resource, principal, operation and permission flags every subcommand takes. */
function withAclOptions(command: Command, verb: string): Command {
  return withBrokerOptions(
    command
      .option('--principal <name>', `principal ${verb} ('*' = any authenticated principal)`)
      .option('--topic <name>', 'a topic (with --prefix: every topic starting with it)')
      .option('--group <name>', 'a consumer group (with --prefix: every group starting with it)')
      .option('--path <path>', 'a node path (with --prefix: it and every node below it)')
      .option('--cluster', 'the cluster itself')
      .option('--prefix', 'the name is a prefix (default: literal)')
      .option(
        '--operation <ops>',
        `operations, comma-separated: ${OPERATIONS}`,
        listOf(oneOf(ACL_OPERATIONS)),
      )
      .option('--allow', 'allow')
      .option('--deny', 'deny (wins over any allow)'),
  );
}

/** The resource flags given, or undefined; a usage error for two of them. */
function resourceOf(
  o: AclOpts,
  command: Command,
): { resourceType: AclResourceType; name: string } | undefined {
  const given: { resourceType: AclResourceType; name: string }[] = [];
  if (o.topic !== undefined) given.push({ resourceType: 'topic', name: o.topic });
  if (o.group !== undefined) given.push({ resourceType: 'group', name: o.group });
  if (o.path !== undefined) given.push({ resourceType: 'path', name: o.path });
  if (o.cluster) given.push({ resourceType: 'cluster', name: 'cluster' });
  if (given.length > 1) command.error(`error: give one resource: ${RESOURCE_FLAGS}`);
  if (o.prefix && given[0]?.resourceType === 'cluster')
    command.error('error: --prefix names many topics, groups or paths; the cluster is one');
  if (o.prefix && given.length === 0)
    command.error(`error: --prefix needs a resource to be a prefix of: ${RESOURCE_FLAGS}`);
  return given[0];
}

function permissionOf(o: AclOpts, command: Command): 'allow' | 'deny' | undefined {
  if (o.allow && o.deny) command.error('error: give --allow or --deny, not both');
  return o.allow ? 'allow' : o.deny ? 'deny' : undefined;
}

/** The filter of the flags given; `operation` is left to the caller (one filter per op). */
function filterOf(o: AclOpts, command: Command): AclFilter {
  const f: AclFilter = {};
  const resource = resourceOf(o, command);
  if (resource) {
    f.resourceType = resource.resourceType;
    f.name = resource.name;
    f.patternType = o.prefix ? 'prefix' : 'literal';
  }
  if (o.principal !== undefined) f.principal = o.principal;
  const permission = permissionOf(o, command);
  if (permission) f.permission = permission;
  return f;
}

function registerAdd(acl: Command): void {
  withAclOptions(
    acl.command('add').description('add entries: one per --operation'),
    'the entries are for (required)',
  )
    .option('--json', 'print {"added": N} as JSON')
    .action(
      brokerAction(async (opts: AclOpts, command: Command) => {
        const entries = entriesOf(opts, command);
        const added = await withAdmin(opts, (admin) => admin.addAcls(entries));
        if (opts.json) printJson({ added });
        else {
          const kept = entries.length - added;
          const already = kept > 0 ? ` (${kept} already there)` : '';
          process.stdout.write(`added ${added} of ${entries.length} entries${already}\n`);
        }
      }),
    );
}

function entriesOf(o: AclOpts, command: Command): AclEntry[] {
  if (o.principal === undefined)
    command.error("error: --principal is required: a principal, or '*' for any authenticated one");
  const resource = resourceOf(o, command);
  if (!resource) command.error(`error: add needs a resource: ${RESOURCE_FLAGS}`);
  if (!o.operation) command.error(`error: --operation is required: ${OPERATIONS}`);
  const permission = permissionOf(o, command);
  if (!permission) command.error('error: give --allow or --deny');
  const entries = o.operation.map((operation): AclEntry => ({
    principal: o.principal!,
    resourceType: resource.resourceType,
    patternType: o.prefix ? 'prefix' : 'literal',
    name: resource.name,
    operation,
    permission,
  }));
  const why = validateAcl(entries[0]);
  if (why) command.error(`error: ${why.message}`);
  return entries;
}

function registerRemove(acl: Command): void {
  withAclOptions(
    acl.command('remove').description('remove every entry matching the flags given'),
    'of the entries to remove',
  )
    .option('--all', 'remove every entry (when no other flag is given)')
    .option('--json', 'print the removed entries as JSON')
    .action(
      brokerAction(async (opts: AclOpts, command: Command) => {
        const base = filterOf(opts, command);
        const filters = opts.operation
          ? opts.operation.map((operation) => ({ ...base, operation }))
          : [base];
        if (Object.keys(filters[0]!).length === 0 && !opts.all)
          command.error(
            `error: say which entries to remove (--principal, ${RESOURCE_FLAGS}, --operation, ` +
              '--allow or --deny), or --all for every entry',
          );
        if (opts.all && Object.keys(filters[0]!).length > 0)
          command.error('error: --all removes every entry: give it alone, or drop it');
        const removed = await withAdmin(opts, (admin) => admin.removeAcls(filters));
        if (opts.json) printJson(removed);
        else {
          process.stdout.write(
            `removed ${removed.length} entr${removed.length === 1 ? 'y' : 'ies'}\n`,
          );
          if (removed.length > 0) process.stdout.write(`${render(removed)}\n`);
        }
      }),
    );
}

function registerList(acl: Command): void {
  withAclOptions(
    acl.command('list').description('list the entries matching the flags given (default: all)'),
    'of the entries to list',
  )
    .option('--json', 'print the entries as JSON')
    .action(
      brokerAction(async (opts: AclOpts, command: Command) => {
        const filter = filterOf(opts, command);
        const ops = opts.operation && new Set<string>(opts.operation);
        const listed = await withAdmin(opts, (admin) =>
          admin.listAcls(ops?.size === 1 ? { ...filter, operation: opts.operation![0] } : filter),
        );
        const entries = ops ? listed.filter((e) => ops.has(e.operation)) : listed;
        if (opts.json) printJson(entries);
        else if (entries.length === 0)
          process.stdout.write(
            Object.keys(filter).length === 0 && !ops
              ? 'no ACL entries; add one with `trib acl add`\n'
              : 'no ACL entries match\n',
          );
        else process.stdout.write(`${render(entries)}\n`);
      }),
    );
}

function render(entries: readonly AclEntry[]): string {
  const rows = entries.map((e) => [
    e.principal,
    e.permission,
    e.operation,
    e.resourceType,
    e.patternType,
    e.resourceType === 'cluster' ? '-' : e.name,
  ]);
  return table(['principal', 'permission', 'operation', 'resource', 'pattern', 'name'], rows);
}
