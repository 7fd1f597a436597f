import type { Fault, Intervention } from '../../engine/index.ts';
import { WHOLE_NUMBER, shown } from './linkProblem.ts';
import type { DeepLinkProblem } from './linkProblem.ts';

/*
 * Interventions in a link: `fx=<entry>,<entry>,…`, each `<atStep>:<kind>[:<argument>]`:
 *   12:crash:app-a   12:restart:app-a   15:drop:37 (a message id)   20:delay:app-a~cache~100
 *   22:partition:app-b+cache   30:heal   31:slowdb:100   32:failwrites:2
 * Node ids are the engine's actor ids. A bad entry is left out (and reported); the rest are kept.
 */

const NODE_ID = /^[A-Za-z0-9_.-]+$/;

export interface InterventionsParse {
  interventions: Intervention[];
  problems: DeepLinkProblem[];
}

/** One intervention as a link entry, e.g. `12:crash:app-a`. */
export function formatIntervention({ atStep, fault }: Intervention): string {
  return `${atStep}:${faultCode(fault)}`;
}

export function formatInterventions(interventions: readonly Intervention[]): string {
  return interventions.map(formatIntervention).join(',');
}

function faultCode(fault: Fault): string {
  switch (fault.kind) {
    case 'crash':
      return `crash:${fault.node}`;
    case 'restart':
      return `restart:${fault.node}`;
    case 'drop message':
      return `drop:${fault.messageId}`;
    case 'delay link':
      return `delay:${fault.a}~${fault.b}~${fault.extraMs}`;
    case 'partition':
      return `partition:${fault.nodes.join('+')}`;
    case 'heal':
      return 'heal';
    case 'slow database':
      return `slowdb:${fault.extraMs}`;
    case 'fail database writes':
      return `failwrites:${fault.count}`;
    case 'drop next message':
      // Not offered by the player; written so a link never silently loses one.
      return `dropnext:${fault.from}~${fault.to}`;
  }
}

/** Reads the `fx` parameter; an unusable entry becomes a problem and is left out. */
export function parseInterventions(text: string): InterventionsParse {
  const interventions: Intervention[] = [];
  const problems: DeepLinkProblem[] = [];
  if (text === '') return { interventions, problems };
  for (const entry of text.split(',')) {
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') {
      problems.push({
        param: 'fx',
        value: shown(entry),
        message: `The link\u2019s intervention \u201c${shown(entry)}\u201d ${parsed}, so it was left out.`,
      });
    } else {
      interventions.push(parsed);
    }
  }
  return { interventions, problems };
}

/** An intervention, or the reason it is unusable (completing "The intervention … <reason>"). */
function parseEntry(entry: string): Intervention | string {
  const [stepText = '', kind = '', ...rest] = entry.split(':');
  const argument = rest.join(':');
  if (!WHOLE_NUMBER.test(stepText)) {
    return 'does not start with a step number (like \u201c12:crash:app-a\u201d)';
  }
  const atStep = Number(stepText);
  const fault = parseFault(kind, argument, rest.length > 0);
  return typeof fault === 'string' ? fault : { atStep, fault };
}

const AMOUNT = /^\d{1,7}$/;

function parseFault(kind: string, argument: string, hasArgument: boolean): Fault | string {
  const nodeFault = (name: 'crash' | 'restart'): Fault | string =>
    NODE_ID.test(argument) ? { kind: name, node: argument } : `needs a node id after \u201c${name}:\u201d`;
  switch (kind) {
    case 'crash':
    case 'restart':
      return nodeFault(kind);
    case 'drop':
      return AMOUNT.test(argument)
        ? { kind: 'drop message', messageId: Number(argument) }
        : 'needs a message number after \u201cdrop:\u201d';
    case 'delay': {
      const [a = '', b = '', ms = '', ...more] = argument.split('~');
      return NODE_ID.test(a) && NODE_ID.test(b) && AMOUNT.test(ms) && more.length === 0
        ? { kind: 'delay link', a, b, extraMs: Number(ms) }
        : 'needs two node ids and milliseconds, like \u201cdelay:app-a~cache~100\u201d';
    }
    case 'partition': {
      // A `+` left raw in a query reads back as a space.
      const nodes = argument.split(/[+ ]/);
      return nodes.every((node) => NODE_ID.test(node))
        ? { kind: 'partition', nodes }
        : 'needs node ids joined by \u201c+\u201d, like \u201cpartition:app-b+cache\u201d';
    }
    case 'heal':
      return hasArgument ? 'takes nothing after \u201cheal\u201d' : { kind: 'heal' };
    case 'slowdb':
      return AMOUNT.test(argument)
        ? { kind: 'slow database', extraMs: Number(argument) }
        : 'needs milliseconds after \u201cslowdb:\u201d';
    case 'failwrites':
      return AMOUNT.test(argument)
        ? { kind: 'fail database writes', count: Number(argument) }
        : 'needs a count after \u201cfailwrites:\u201d';
    case 'dropnext': {
      const [from = '', to = '', ...more] = argument.split('~');
      return NODE_ID.test(from) && NODE_ID.test(to) && more.length === 0
        ? { kind: 'drop next message', from, to }
        : 'needs two node ids, like \u201cdropnext:app-a~cache\u201d';
    }
    default:
      return kind === ''
        ? 'names no fault'
        : `names \u201c${shown(kind)}\u201d, which is not a fault (crash, restart, drop, delay, partition, heal, slowdb, failwrites)`;
  }
}
