import type { Payload } from '../../sim/messages.ts';
import {
  advance,
  bulkValue,
  command,
  isCacheReply,
  narrate,
  respond,
  type AppNodeContext,
  type RequestInProgress,
} from './request.ts';

type LoginRequest = Extract<Payload, { kind: 'login request' }>;
type PageRequest = Extract<Payload, { kind: 'page request' }>;

const sessionKey = (id: string) => `session:${id}`;

function newRequest(
  from: string,
  payload: { requestId: number },
  op: 'login' | 'page',
  key: string,
  value: string,
) {
  const request: RequestInProgress = {
    requestId: payload.requestId,
    client: from,
    op,
    key,
    value,
    phase: 'storing the session',
    row: null,
    version: null,
    lease: null,
    guard: null,
  };
  return request;
}

/** A login creates a session, in this node's memory or in a Redis hash, and returns its id. */
export function startLogin(context: AppNodeContext, from: string, payload: LoginRequest): void {
  const id = `s${++context.sessionsCreated.count}-${context.id}`;
  const request = newRequest(from, payload, 'login', payload.user, id);
  const { sessions } = context.strategy;
  if (sessions.kind === 'node-memory') {
    context.sessions.set(id, payload.user);
    respond(context, request, { value: id, version: null, source: 'session' });
    narrate(context, 'app.login.memory', { user: payload.user, session: id }, 'session-create');
    return;
  }
  context.requests.set(request.requestId, request);
  command(context, request.requestId, ['HSET', sessionKey(id), 'user', payload.user]);
  narrate(
    context,
    'app.login.redis',
    { user: payload.user, session: id, key: sessionKey(id) },
    'session-create',
  );
}

/** A page needs the session named by the client's cookie. */
export function startPage(context: AppNodeContext, from: string, payload: PageRequest): void {
  const request = newRequest(from, payload, 'page', payload.page, payload.session ?? '');
  const { session, page } = payload;
  if (session === null) {
    respond(context, request, { value: 'not logged in', version: null, source: 'none', ok: false });
    narrate(context, 'app.page.no-cookie', { page }, 'session-read');
    return;
  }
  if (context.strategy.sessions.kind === 'node-memory') {
    const user = context.sessions.get(session);
    if (user === undefined) {
      respond(context, request, { value: 'not logged in', version: null, source: 'none', ok: false });
      narrate(context, 'app.page.memory.missing', { page, session }, 'session-read');
    } else {
      respond(context, request, { value: user, version: null, source: 'session' });
      narrate(context, 'app.page.memory.found', { page, session, user }, 'session-read');
    }
    return;
  }
  context.requests.set(request.requestId, request);
  advance(request, 'reading the session');
  command(context, request.requestId, ['HGET', sessionKey(session), 'user']);
  narrate(context, 'app.page.redis', { page, session, key: sessionKey(session) }, 'session-read');
}

/** The next step of a login or page, when Redis answers. */
export function continueSession(context: AppNodeContext, request: RequestInProgress, payload: Payload): void {
  const { sessions } = context.strategy;
  if (!isCacheReply(payload) || sessions.kind !== 'redis-hash') return;
  const key = sessionKey(request.value);
  const ttl = String(sessions.slidingTtlSeconds);
  switch (request.phase) {
    case 'storing the session':
      advance(request, 'setting the session expiry');
      command(context, request.requestId, ['EXPIRE', key, ttl]);
      narrate(context, 'app.login.expire', { key, ttl }, 'session-expire');
      return;
    case 'setting the session expiry':
      respond(context, request, { value: request.value, version: null, source: 'session' });
      narrate(
        context,
        'app.login.done',
        { user: request.key, session: request.value, client: request.client },
        'session-create',
      );
      return;
    case 'reading the session': {
      const user = bulkValue(payload.reply);
      if (user === null) {
        respond(context, request, { value: 'not logged in', version: null, source: 'none', ok: false });
        narrate(context, 'app.page.redis.missing', { key }, 'session-read');
        return;
      }
      request.row = { value: user, version: 0 };
      advance(request, 'extending the session');
      command(context, request.requestId, ['EXPIRE', key, ttl]);
      narrate(context, 'app.page.redis.found', { key, user, ttl }, 'session-expire');
      return;
    }
    case 'extending the session':
      respond(context, request, { value: request.row?.value ?? '', version: null, source: 'session' });
      narrate(context, 'app.page.done', { page: request.key, client: request.client }, 'session-read');
      return;
    default:
      return;
  }
}

/** Sessions this node holds in memory, for the frame. */
export function sessionLines(context: AppNodeContext): string[] {
  return [...context.sessions].map(([id, user]) => `session ${id}: ${user}`);
}
