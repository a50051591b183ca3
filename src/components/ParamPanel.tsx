// The parameter panel, generated from a lesson's parameter schema: one fieldset per group,
// a slider and exact box per number, a select per choice, a checkbox per switch.
import { memo, useId } from 'react';
import type { ParamGroup, ParamSpec, ParamValue, ParamValues } from '../sim/params.ts';
import { NumberParamField } from './NumberParamField.tsx';
import { TextParamField } from './TextParamField.tsx';

/** Props of {@link ParamPanel}. */
export interface ParamPanelProps {
  readonly groups: readonly ParamGroup[];
  /** Current values by parameter name; a missing or mistyped value shows the default. */
  readonly values: ParamValues;
  /** Called with an already validated value whenever the learner commits a change. */
  readonly onChange: (name: string, value: ParamValue) => void;
  /** Parameters shown but not editable (for example locked by a teacher's embed). */
  readonly locked?: ReadonlySet<string> | undefined;
  /** Parameters to draw attention to (for example the focus of the current assignment). */
  readonly highlight?: ReadonlySet<string> | undefined;
}

interface FieldProps {
  readonly spec: ParamSpec;
  readonly raw: ParamValue | undefined;
  readonly onChange: (name: string, value: ParamValue) => void;
  readonly disabled: boolean;
  readonly describedBy: string;
}

function ParamControl({ spec, raw, onChange, disabled, describedBy }: FieldProps) {
  const controlId = useId();
  switch (spec.kind) {
    case 'number': {
      const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : spec.default;
      return <NumberParamField {...{ spec, value, onChange, disabled, describedBy }} />;
    }
    case 'text': {
      const value = typeof raw === 'string' ? raw : spec.default;
      return <TextParamField {...{ spec, value, onChange, disabled, describedBy }} />;
    }
    case 'select': {
      const known = typeof raw === 'string' && spec.options.some((o) => o.value === raw);
      return (
        <div className="param-select">
          <label className="param-label" htmlFor={controlId}>
            {spec.label}
          </label>
          <select
            id={controlId}
            value={known ? raw : spec.default}
            aria-describedby={describedBy}
            disabled={disabled}
            onChange={(e) => onChange(spec.name, e.currentTarget.value)}
          >
            {spec.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case 'boolean':
      return (
        <div className="param-boolean">
          <input
            id={controlId}
            type="checkbox"
            checked={typeof raw === 'boolean' ? raw : spec.default}
            aria-describedby={describedBy}
            disabled={disabled}
            onChange={(e) => onChange(spec.name, e.currentTarget.checked)}
          />
          <label className="param-label" htmlFor={controlId}>
            {spec.label}
          </label>
        </div>
      );
  }
}

function ParamRow(props: Omit<FieldProps, 'describedBy'> & { readonly highlighted: boolean }) {
  const id = useId();
  const helpId = `${id}-help`;
  const lockId = `${id}-lock`;
  const { spec, highlighted, disabled } = props;
  const classes = ['param', highlighted ? 'param--highlight' : '', disabled ? 'param--locked' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-param={spec.name}>
      {(highlighted || disabled) && (
        <p className="param-badges">
          {highlighted && <span className="badge badge--focus">Focus</span>}
          {disabled && (
            <span id={lockId} className="badge badge--locked">
              Locked
            </span>
          )}
        </p>
      )}
      <ParamControl {...props} describedBy={disabled ? `${helpId} ${lockId}` : helpId} />
      <p id={helpId} className="param-help">
        {spec.help}
      </p>
    </div>
  );
}

function ParamPanelImpl({ groups, values, onChange, locked, highlight }: ParamPanelProps) {
  return (
    <div className="param-panel">
      {groups.map((group) => (
        <fieldset key={group.title} className="param-group">
          <legend>{group.title}</legend>
          {group.params.map((spec) => (
            <ParamRow
              key={spec.name}
              spec={spec}
              raw={values[spec.name]}
              onChange={onChange}
              disabled={locked?.has(spec.name) ?? false}
              highlighted={highlight?.has(spec.name) ?? false}
            />
          ))}
        </fieldset>
      ))}
    </div>
  );
}

/**
 * The generated parameter panel for a lesson. Memoised: it changes with the values, not with
 * the simulation's frames, and formatting every slider's value text is not free.
 */
export const ParamPanel = memo(ParamPanelImpl);
