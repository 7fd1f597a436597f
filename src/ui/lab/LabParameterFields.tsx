import { parameterActive } from '../../engine/index.ts';
import type { LabChoiceParameter, LabScenario, LabValues } from '../../engine/index.ts';
import { LabTextField } from './LabTextField.tsx';
import { parameterSpec } from './loadLink.ts';

interface LabParameterFieldsProps {
  lab: LabScenario;
  values: LabValues;
  onChange: (values: LabValues) => void;
  /** Makes the controls' ids unique when A and B are both shown: `load-a`, `load-b`. */
  idPrefix: string;
  /** Before each label, e.g. `B: `. */
  labelPrefix?: string;
}

/**
 * A form made from a lab scenario's parameters, in their order: a text box with its unit for a
 * number, radio buttons for a choice. A parameter whose `when` does not hold is not shown.
 */
export function LabParameterFields({
  lab,
  values,
  onChange,
  idPrefix,
  labelPrefix = '',
}: LabParameterFieldsProps) {
  const set = (name: string, value: number | string) => onChange({ ...values, [name]: value });
  return (
    <>
      {lab.parameters
        .filter((parameter) => parameterActive(parameter, values))
        .map((parameter) => {
          const id = `${idPrefix}-${parameter.name}`;
          const label = `${labelPrefix}${parameter.label}`;
          if (parameter.kind === 'choice') {
            return (
              <ChoiceField
                key={`${lab.id}-${parameter.name}`}
                id={id}
                label={label}
                parameter={parameter}
                value={String(values[parameter.name] ?? parameter.default)}
                onChange={(value) => set(parameter.name, value)}
              />
            );
          }
          const value = values[parameter.name];
          return (
            <LabTextField
              key={`${lab.id}-${parameter.name}`}
              id={id}
              label={label}
              hint={parameter.help}
              spec={parameterSpec(parameter)}
              value={typeof value === 'number' ? value : parameter.default}
              unit={parameter.unit}
              inputMode={parameter.integer ? 'numeric' : 'decimal'}
              onChange={(next) => set(parameter.name, next)}
            />
          );
        })}
    </>
  );
}

interface ChoiceFieldProps {
  id: string;
  label: string;
  parameter: LabChoiceParameter;
  value: string;
  onChange: (value: string) => void;
}

/** A choice as radio buttons, all in view: the options are what the lab is about. */
function ChoiceField({ id, label, parameter, value, onChange }: ChoiceFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <fieldset className="lab-choices setting" aria-describedby={hintId}>
      <legend className="setting-label">{label}</legend>
      {parameter.choices.map((choice) => (
        <label key={choice.value} className="lab-choice">
          <input
            type="radio"
            name={id}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
      <p id={hintId} className="setting-hint">
        {parameter.help}
      </p>
    </fieldset>
  );
}
