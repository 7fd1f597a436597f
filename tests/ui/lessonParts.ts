/**
 * The lesson page's lazily loaded parts (the Visual, the code lab, the cards), imported once when a
 * test file loads, so that a cold import on a busy machine is not timed by a `findBy…`.
 */
await Promise.all([
  import('../../src/ui/lesson/LessonVisual.tsx'),
  import('../../src/ui/code/CodeLab.tsx'),
  import('../../src/ui/cards/LessonCards.tsx'),
]);

export {};
