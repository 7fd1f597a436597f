import { Icon } from './icons.tsx';
import type { IconName } from './icons.tsx';
import './controls.css';

interface TransportButtonsProps {
  step: number;
  lastStep: number;
  playing: boolean;
  onRestart: () => void;
  onStepBack: () => void;
  onTogglePlay: () => void;
  onStepForward: () => void;
  onJumpToEnd: () => void;
}

/**
 * Restart, back, play/pause, forward, end. Buttons that cannot act right now stay focusable
 * (aria-disabled, not disabled): a keyboard user stepping back to the start must not lose focus.
 */
export function TransportButtons(props: TransportButtonsProps) {
  const { step, lastStep, playing } = props;
  const atStart = step <= 0;
  const atEnd = step >= lastStep;
  return (
    <div className="transport" role="group" aria-label="Playback">
      <TransportButton name="Restart" icon="restart" unavailable={atStart} onPress={props.onRestart} />
      <TransportButton name="Step back" icon="back" unavailable={atStart} onPress={props.onStepBack} />
      <button type="button" className="transport-button transport-play" onClick={props.onTogglePlay}>
        <Icon name={playing ? 'pause' : 'play'} />
        <span>{playing ? 'Pause' : 'Play'}</span>
      </button>
      <TransportButton name="Step forward" icon="forward" unavailable={atEnd} onPress={props.onStepForward} />
      <TransportButton name="Jump to end" icon="end" unavailable={atEnd} onPress={props.onJumpToEnd} />
    </div>
  );
}

interface TransportButtonProps {
  name: string;
  icon: IconName;
  unavailable: boolean;
  onPress: () => void;
}

function TransportButton({ name, icon, unavailable, onPress }: TransportButtonProps) {
  return (
    <button
      type="button"
      className="transport-button"
      aria-disabled={unavailable || undefined}
      title={name}
      onClick={unavailable ? undefined : onPress}
    >
      <Icon name={icon} />
      <span className="visually-hidden">{name}</span>
    </button>
  );
}
