import source from '../code/sessions.ts?raw';
import type { Lesson } from '../lessonSchema.ts';

export const sessionsLesson: Lesson = {
  id: 'sessions',
  title: 'Session stores',
  phase: 1,
  summary: 'Why sessions in one server’s memory break behind a load balancer, and a shared store.',

  bigIdea: [
    'A session is what a server remembers about a logged-in user between requests: who they are, and perhaps a cart or a form token. The browser holds only a random session id, in a cookie, and sends it with every request; the server looks the id up. Where that lookup happens decides whether the site keeps working once it runs on more than one server.',
    'Keep sessions in one app node’s memory, put a load balancer in front of two nodes, and the login lands on Node A while the next page lands on Node B, which has never seen the id. The user is logged out after one click. Sticky sessions pin each user to one node and hide the problem until that node crashes or is redeployed: then every session it held is gone at once.',
    'The fix is to take sessions out of the app nodes. Every node reads and writes them in one shared store, usually Redis: a hash per session (`HSET session:<id> user alice`) with an expiry that each request pushes back (`EXPIRE session:<id> 1800`). Any node can serve any request, and nodes can crash, restart or be replaced without logging anyone out.',
  ],

  intuition: [
    'Picture a theatre cloakroom with two windows. You hand in your coat and get a numbered ticket. If each attendant hangs coats on a private rail behind their own window, the ticket works only where you handed the coat in: at the other window the attendant finds nothing under your number. That is a session kept in one server’s memory, and the ticket is the cookie.',
    'Sticky sessions are a rule that you must always go back to the same window. It works until that attendant goes home ill and locks the rail. A shared session store is one rail both attendants can reach: either window finds your coat, and the theatre can open or close windows as it likes. Sliding expiry is the house rule that a coat nobody has asked about for 30 minutes goes to lost property, and showing your ticket starts the 30 minutes again.',
  ],

  scenarioIds: ['sessions-round-robin', 'sessions-sticky-crash', 'sessions-redis'],
  questions: [
    {
      scenario: 'sessions-redis',
      step: 4,
      narration: 'cache.command.from',
      kind: 'stale-after',
      why: 'A session has no row in the database: Redis holds the only copy, so there is nothing for it to fall behind. That is also why losing Redis logs everyone out.',
    },
  ],

  depth: [
    {
      title: 'A. What a session is, and what the cookie carries',
      paragraphs: [
        'At login the server creates a session and sends its id in a cookie, for example `Set-Cookie: sid=<id>; HttpOnly; Secure; SameSite=Lax`. The browser sends it back with every request, and the server finds the session by that id. The data itself, the user id and anything else, never leaves the server.',
        'Whoever holds the id is logged in, so it must be unguessable: `crypto.randomUUID()` gives 122 random bits. Issue a new id at every login, so that an id an attacker planted in the browser beforehand is worthless afterwards (session fixation). `HttpOnly` keeps page scripts from reading the cookie, and `Secure` keeps it off plain HTTP.',
      ],
    },
    {
      title: 'B. Why memory sessions break behind a load balancer',
      paragraphs: [
        'A round-robin load balancer sends each new request to the next node in turn. In the first scenario Alice’s login goes to Node A (step 2), which keeps her session in a map inside its process (step 3). Her next page goes to Node B (step 7). Node B has no session with that id (step 8), so Alice is sent to the login page (step 10). With N nodes, a request has a 1 in N chance of landing where its session lives.',
        'Memory sessions have two more problems. They vanish on every restart and deploy, and they only go away if the process expires them itself. Running several worker processes on one machine breaks them too: each process has its own memory.',
      ],
    },
    {
      title: 'C. Sticky sessions, and where they break',
      paragraphs: [
        'A sticky load balancer sends a client back to the node that served it first, usually by setting a cookie of its own, sometimes by hashing the client’s IP address. In the second scenario the balancer pins Alice to Node A (step 2), and her next page finds its session there (step 8).',
        'Then Node A crashes (step 11). The balancer moves Alice to Node B (step 13), which has nothing for her, and she is logged out (step 16), together with every other user pinned to Node A. A deploy that restarts nodes one by one logs out each node’s users in turn. Stickiness also skews load, since a node keeps its busy users while another sits idle, and an IP hash sends everyone behind one office NAT to the same node.',
      ],
    },
    {
      title: 'D. A shared Redis store with sliding expiry',
      paragraphs: [
        'In the third scenario the balancer is round robin again, but the nodes keep sessions in Redis. At login Node A writes a hash and gives it an expiry: `HSET session:s1-app-a user alice` (step 4), then `EXPIRE session:s1-app-a 1800` (step 6). Alice’s next page goes to Node B, which runs `HGET session:s1-app-a user` (step 13), finds alice, and runs `EXPIRE` again (step 15). Each request that finds the session starts its 30 minutes again: that is sliding expiry. A session nobody uses for 30 minutes disappears by itself.',
        'Node A crashes at step 19. Alice’s next page goes to Node B, which finds her session in Redis (step 24), and she sees her inbox (step 28). No session lived in a node, so no node’s crash or restart can lose one.',
        'The Visual sends HSET and EXPIRE as two round trips. A crash between them would leave a session that never expires, so the code queues both in one `MULTI … EXEC`. Watch which commands keep a TTL: `HSET` on an existing key keeps it, but a plain `SET` without `KEEPTTL` removes it. If sessions are stored as JSON strings instead of hashes, `GETEX session:<id> EX 1800` (Redis 6.2 and later) reads a session and pushes its expiry back in one command.',
      ],
    },
    {
      title: 'E. Redis is now the only copy',
      paragraphs: [
        'Sessions in Redis are not a cache: there is no database row to reload them from. If Redis loses its data, everyone is logged out; if it is unreachable, nobody can log in or load a page. Run it with a replica and automatic failover, and remember that replication is asynchronous, so a failover can lose the last few sessions created.',
        'Size its memory for the peak number of live sessions and alert well before `maxmemory`. At the limit, an eviction policy silently logs users out, and `noeviction` makes new logins fail. Sliding expiry alone lets a session in constant use live for ever: store its creation time and refuse sessions past an absolute limit, say 12 hours. Logout must `DEL` the key; clearing the cookie alone leaves a working session behind for anyone who copied the id.',
      ],
    },
  ],

  code: { title: 'sessions.ts', language: 'typescript', source },

  pitfalls: [
    {
      symptom: 'Users are logged out at random after a click or two, but only in production.',
      cause:
        'Sessions live in process memory, and production runs more than one app node or worker process behind a round-robin balancer. A request that lands on another process finds no session.',
      fix: 'Move sessions to a shared store such as Redis, so every process reads and writes the same sessions.',
    },
    {
      symptom: 'Every deploy or crash logs out a slice of users, and some nodes stay busier than others.',
      cause:
        'Sticky sessions over sessions kept in node memory: each node holds its pinned users’ only copy.',
      fix: 'Keep sessions in a shared store. Keep stickiness only where something else needs it, and never as the only home of a session.',
    },
    {
      symptom: 'Redis memory grows day after day, and old sessions never go away.',
      cause:
        'Sessions were written without an expiry, or rewritten with a plain `SET`, which removes the TTL, or created with HSET and EXPIRE as separate calls and a crash came between them.',
      fix: 'Create each session and its expiry in one `MULTI … EXEC`, use `SET … EX` or `KEEPTTL` for string sessions, and spot-check with `TTL session:<id>`: −1 means the key never expires.',
    },
    {
      symptom: 'Active users are logged out 30 minutes after login, in the middle of their work.',
      cause: 'The expiry is set once, at login, and nothing pushes it back.',
      fix: 'Run `EXPIRE` (or `GETEX … EX`) on every request that finds the session, so the 30 minutes count from the last request.',
    },
    {
      symptom: 'An old session cookie still works after the user logged out.',
      cause: 'Logout cleared the cookie in the browser but left the session in the store.',
      fix: 'On logout, `DEL session:<id>` in Redis, then clear the cookie.',
    },
  ],

  realWorld: [
    {
      text: 'express-session, the usual session middleware for Express, keeps sessions in memory unless it is given a store. Its README warns that this default MemoryStore is not meant for production: it leaks memory under most conditions and does not scale past a single process.',
      source: { title: 'expressjs/session README', url: 'https://github.com/expressjs/session' },
    },
    {
      text: 'connect-redis is a Redis store for express-session. It keeps each session under a prefixed key (`sess:` by default) with a TTL taken from the cookie’s expiry, or from its `ttl` option (one day by default), and its README asks for `resave: false` so that express-session pushes the expiry back on each request with a light “touch”.',
      source: { title: 'tj/connect-redis README', url: 'https://github.com/tj/connect-redis' },
    },
    {
      text: 'AWS’s Application Load Balancer offers sticky sessions, which it also calls session affinity: it binds a user’s session to one target with a cookie that the load balancer generates, lasting either a duration you choose or as long as the application’s own session cookie. The client must accept cookies for it to work.',
      source: {
        title: 'Sticky sessions for your Application Load Balancer (AWS documentation)',
        url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html',
      },
    },
  ],

  interview: {
    question:
      'Your app runs on one server and keeps sessions in memory. You are adding a second server behind a load balancer. What breaks, and how do you fix it?',
    answer: [
      'Logins break. A session in one server’s memory is visible only to that server, so when the balancer sends the next request to the other one, the session id in the cookie matches nothing and the user looks logged out. Restarts and deploys already lost every session; now it happens per request.',
      'Sticky sessions make it work most of the time, but a crash or a rolling deploy still logs out everyone pinned to that node, and load gets uneven. I would keep sessions in Redis instead: on login, a random id in an HttpOnly, Secure cookie, and a hash `session:<id>` created together with its expiry in one MULTI. Every request does HGET, and if the session exists, EXPIRE to slide the 30-minute window. Logout deletes the key. I would add an absolute lifetime on top of the sliding one.',
      'Then Redis holds the only copy of every session, so I would run it with a replica and failover, size memory for peak live sessions, and alert on memory before eviction starts logging people out.',
    ],
  },

  cards: [
    {
      id: 'round-robin-logout',
      prompt:
        'Sessions live in each node’s memory. Why does a round-robin load balancer log Alice out after one click?',
      hint: 'Which node served the login, and which serves the next page?',
      answer:
        'The login went to Node A, which stored the session in its own memory. The next request went to Node B, the next node in turn. Node B has no session with that id, so Alice is sent to the login page.',
      seeIt: { scenario: 'sessions-round-robin', step: 8, narration: 'app.page.memory.missing' },
    },
    {
      id: 'cookie-holds-id',
      prompt: 'What does the session cookie hold, and why must it be random?',
      hint: 'Where does the session’s data live?',
      answer:
        'Only the session id; the data stays on the server, found by that id. Anyone holding the id is logged in as that user, so it must be unguessable, for example a random UUID.',
      seeIt: { scenario: 'sessions-round-robin', step: 5, narration: 'client.login.done' },
    },
    {
      id: 'sticky-crash',
      prompt: 'Sticky sessions stop the random logouts. What do they not protect against?',
      hint: 'What happens to a node’s memory when it crashes?',
      answer:
        'The node a user is pinned to crashing or being redeployed. The balancer moves the user to another node, which has no copy of the session, so everyone pinned to the lost node is logged out at once.',
      seeIt: { scenario: 'sessions-sticky-crash', step: 13, narration: 'lb.forward.sticky.moved' },
    },
    {
      id: 'sliding-expiry',
      prompt: 'What is sliding expiry, and which Redis commands give it to a session?',
      hint: 'What runs after every successful lookup?',
      answer:
        'The session expires a fixed time after its last use, not after login. Every request that finds the session with `HGET` also runs `EXPIRE session:<id> 1800`, which starts the 30 minutes again. Unused sessions expire on their own.',
      seeIt: { scenario: 'sessions-redis', step: 14, narration: 'app.page.redis.found' },
    },
    {
      id: 'survives-crash',
      prompt: 'With sessions in Redis, why does Node A’s crash not log Alice out?',
      answer:
        'No session lived in Node A. Node B looks the session up in Redis like any other node would, finds it, and serves the page.',
      seeIt: { scenario: 'sessions-redis', step: 28, narration: 'client.page.done' },
    },
  ],

  tasks: [
    {
      id: 'sliding-expiry-by-hand',
      text: 'In redis-cli, run `HSET session:test user alice` and `EXPIRE session:test 60`, then `TTL session:test` a few times as it counts down. Run `EXPIRE session:test 60` again and watch the TTL jump back to 60. Finally run `SET session:test2 x EX 60`, then `SET session:test2 y`, and check that `TTL session:test2` is now −1.',
      minutes: 10,
    },
    {
      id: 'find-your-session-store',
      text: 'Find where your own app keeps sessions (for Express, the `store` option of express-session). If it is process memory, start two instances behind a round-robin proxy, log in, and reload until you are sent to the login page. Then switch to a Redis store and repeat.',
      minutes: 45,
    },
    {
      id: 'audit-session-cookie',
      text: 'Open your site’s session cookie in the browser’s developer tools and check that it is HttpOnly, Secure and SameSite, and that its value is long and random. Then find its key in Redis, make two requests a minute apart, and check with `TTL` that each request pushed the expiry back.',
      minutes: 15,
    },
  ],

  takeaways: [
    'Behind a load balancer, a session in one node’s memory is found only by that node: the next request can land elsewhere and log the user out.',
    'Sticky sessions hide the problem until the pinned node crashes or is redeployed; then every session it held is lost.',
    'Keep sessions in a shared store: a Redis hash per session id, read by whichever node gets the request.',
    'Sliding expiry is an `EXPIRE` on every request that finds the session; create the first expiry in the same MULTI as the HSET.',
    'Redis then holds the only copy of every session: give it a replica, memory headroom and an alarm.',
  ],

  terms: [
    {
      term: 'Session',
      definition:
        'What a server remembers about a logged-in user between requests, found by a random id that the browser sends in a cookie.',
    },
    {
      term: 'Load balancer',
      definition:
        'A server in front of several app nodes that passes each incoming request to one of them, so they share the traffic.',
    },
    {
      term: 'Round robin',
      definition: 'A load-balancing rule that sends each new request to the next node in a fixed rotation.',
    },
    {
      term: 'Sticky sessions',
      definition:
        'A load-balancer setting, also called session affinity, that sends a client back to the node that served it first, usually by means of a cookie.',
    },
    {
      term: 'Session store',
      definition:
        'A store outside the app nodes, such as Redis, that holds every session, so any node can serve any request.',
    },
    {
      term: 'Sliding expiry',
      definition:
        'An expiry counted from the last use instead of from creation: each request that finds the session pushes its end back, in Redis with `EXPIRE`.',
    },
  ],
};
