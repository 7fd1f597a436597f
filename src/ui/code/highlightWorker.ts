/**
 * Shiki in a worker (see highlightCode in highlighter.ts): the same core, JavaScript regex engine,
 * grammars and themes, imported statically so the worker is one self-contained file.
 */
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import typescript from 'shiki/langs/typescript.mjs';
import sql from 'shiki/langs/sql.mjs';
import light from 'shiki/themes/github-light-default.mjs';
import dark from 'shiki/themes/github-dark-default.mjs';
import { toCodeTokens } from './codeTokens.ts';
import type { HighlightReply, HighlightRequest } from './codeTokens.ts';

const core = createHighlighterCore({
  themes: [light, dark],
  langs: [typescript, sql],
  engine: createJavaScriptRegexEngine(),
});

self.onmessage = async ({ data }: MessageEvent<HighlightRequest>) => {
  let reply: HighlightReply;
  try {
    reply = { id: data.id, lines: toCodeTokens(await core, data.source, data.lang) };
  } catch (error) {
    reply = { id: data.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
