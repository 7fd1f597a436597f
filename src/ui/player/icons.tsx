/** Transport icons, drawn on a 20×20 grid; decorative, since every button has a text name. */
const PATHS = {
  restart: 'M4 4h2v12H4zM16 4v12L7 10z',
  back: 'M15 4v12L6 10zM4 4h2v12H4z',
  play: 'M6 3.5v13L16.5 10z',
  pause: 'M5 4h3.5v12H5zM11.5 4H15v12h-3.5z',
  forward: 'M5 4v12l9-6zM14 4h2v12h-2z',
  end: 'M4 4v12l9-6zM14 4h2v12h-2z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
