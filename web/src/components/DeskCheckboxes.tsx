import { useId } from 'react';
import type { DeskRef } from '../graphql/types';
import { useT } from '../i18n/LocaleProvider';

interface DeskCheckboxesProps {
  desks: readonly (DeskRef & { active?: boolean })[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  errors?: readonly string[];
  hint?: string;
}

/** A group of checkboxes, one per desk, with the group's errors linked to it. */
export function DeskCheckboxes({ desks, selected, onChange, errors, hint }: DeskCheckboxesProps) {
  const t = useT();
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const toggle = (deskId: string, checked: boolean) =>
    onChange(checked ? [...selected, deskId] : selected.filter((d) => d !== deskId));
  return (
    <fieldset
      className={errorId ? 'fieldset field-invalid' : 'fieldset'}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{t('web-field-desks')}</legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      ) : null}
      <div className="checkbox-group">
        {desks.map((desk) => (
          <div key={desk.id} className="field-checkbox">
            <input
              id={`${id}-${desk.id}`}
              type="checkbox"
              checked={selected.includes(desk.id)}
              onChange={(e) => toggle(desk.id, e.target.checked)}
              aria-invalid={errorId ? true : undefined}
            />
            <label htmlFor={`${id}-${desk.id}`}>
              {desk.name}
              {desk.active === false ? (
                <span className="muted"> {t('web-status-inactive-suffix')}</span>
              ) : null}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
