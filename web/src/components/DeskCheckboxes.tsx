import type { DeskRef } from '../graphql/types';
import { useT } from '../i18n/LocaleProvider';
import { CheckboxGroup } from './forms';

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
  return (
    <CheckboxGroup
      legend={t('web-field-desks')}
      hint={hint}
      errors={errors}
      selected={selected}
      onChange={onChange}
      options={desks.map((desk) => ({
        value: desk.id,
        label: (
          <>
            {desk.name}
            {desk.active === false ? <span className="muted"> {t('web-status-inactive-suffix')}</span> : null}
          </>
        ),
      }))}
    />
  );
}
