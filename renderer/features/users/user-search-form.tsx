import { useId, useMemo, useState } from 'react';
import { Button, Form, Input, Label, Radio, RadioGroup, SearchField } from 'react-aria-components';
import { ToggleSwitch } from '../../components/toggle-switch';
import { contract, SearchAttribute } from '../../../shared/contract';
import { SelectField, type SelectItem } from '../../components/select-field';
import { useT } from '../../i18n/use-t';
import { normalizeSearchText } from './search-words';

/** The one box (username, email or phone at once), or one attribute by exact match or prefix (advanced). */
export type UserSearch =
  | { mode: 'caller'; text: string }
  | { mode: 'attribute'; attribute: SearchAttribute; match: 'exact' | 'prefix'; value: string };

/** Nothing typed: the pool's users, page by page. */
export const EMPTY_SEARCH: UserSearch = { mode: 'caller', text: '' };

interface Draft {
  advanced: boolean;
  text: string;
  attribute: SearchAttribute;
  match: 'exact' | 'prefix';
}

/** A value of each attribute, for the box's placeholder: values, the same in every language. */
const EXAMPLES: Readonly<Record<SearchAttribute, string>> = {
  username: 'alice.smith',
  email: 'alice@example.com',
  phone_number: '+1 555 555 0100',
  name: 'Alice Smith',
  sub: '1a2b3c4d-…',
};

/** The contract's limit on search text: the box takes no more. */
const MAX_SEARCH_TEXT = contract['users:find'].request.shape.text.maxLength ?? undefined;

function toSearch(draft: Draft): UserSearch {
  const text = normalizeSearchText(draft.text);
  return draft.advanced ? { mode: 'attribute', attribute: draft.attribute, match: draft.match, value: text } : { mode: 'caller', text };
}

interface UserSearchFormProps {
  onSearch: (search: UserSearch) => void;
}

/** Searches on submit (Enter or the button), not per keystroke: ListUsers has a tight rate limit. */
export function UserSearchForm({ onSearch }: UserSearchFormProps) {
  const [draft, setDraft] = useState<Draft>({ advanced: false, text: '', attribute: 'username', match: 'prefix' });
  const t = useT();
  const descriptionId = useId();
  const attributes = useMemo<SelectItem<SearchAttribute>[]>(
    () => SearchAttribute.options.map((id) => ({ id, label: t('users.search.attribute', { attribute: id }) })),
    [t],
  );

  return (
    <Form
      className="search-form"
      role="search"
      aria-label={t('users.search.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(toSearch(draft));
      }}
    >
      <div className="search-row">
        <SearchField
          className="field search-field"
          value={draft.text}
          onChange={(text) => setDraft((d) => ({ ...d, text }))}
          // Escape or the clear button empties the field; list everyone again.
          onClear={() => onSearch(toSearch({ ...draft, text: '' }))}
          // Described outside the field so the Search button stays level with the box.
          aria-describedby={descriptionId}
        >
          <Label>{t('users.search.text')}</Label>
          <div className="search-input-wrap">
            <Input
              placeholder={draft.advanced ? t('users.search.attributeExample', { example: EXAMPLES[draft.attribute] }) : t('users.search.callerExample')}
              maxLength={MAX_SEARCH_TEXT}
              autoComplete="off"
              spellCheck={false}
            />
            {/* The × is drawn by the stylesheet; the name says what it does. */}
            <Button className="search-clear" aria-label={t('users.search.clear')} />
          </div>
        </SearchField>
        <Button type="submit" className="button button-primary">
          {t('users.search.submit')}
        </Button>
      </div>
      <p id={descriptionId} className="field-hint search-hint">
        {draft.advanced ? t('users.search.attributeHint', { attribute: draft.attribute, match: draft.match }) : t('users.search.callerHint')}
      </p>
      <ToggleSwitch className="search-advanced" isSelected={draft.advanced} onChange={(advanced) => setDraft((d) => ({ ...d, advanced }))}>
        {t('users.search.advanced')}
      </ToggleSwitch>
      {draft.advanced && (
        <div className="search-options">
          <SelectField
            label={t('users.search.by')}
            className="field field-compact"
            items={attributes}
            value={draft.attribute}
            onChange={(attribute) => setDraft((d) => ({ ...d, attribute }))}
          />
          <RadioGroup
            className="radio-inline"
            orientation="horizontal"
            value={draft.match}
            onChange={(value) => setDraft((d) => ({ ...d, match: value as Draft['match'] }))}
          >
            <Label>{t('users.search.match')}</Label>
            <div className="radio-row">
              <Radio value="prefix" className="radio-pill">
                {t('users.search.startsWith')}
              </Radio>
              <Radio value="exact" className="radio-pill">
                {t('users.search.exactly')}
              </Radio>
            </div>
          </RadioGroup>
        </div>
      )}
    </Form>
  );
}
