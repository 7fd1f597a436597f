/**
 * A card's or a task's text (plain text; see content/lessonSchema.ts) with its `backticks` shown as
 * code. Glossary terms are not linked here: these texts sit inside controls (a card that flips, a
 * task row that checks), and a link inside a button is a control nobody can reach.
 */
export function CardText({ text }: { text: string }) {
  const pieces = text.split(/`([^`]+)`/);
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? <code key={index}>{piece}</code> : piece === '' ? null : piece,
      )}
    </>
  );
}
