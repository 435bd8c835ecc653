import { useId, useState } from 'react';
import { Button, Form, Input, Label, Radio, RadioGroup, SearchField, Switch } from 'react-aria-components';
import { contract, type SearchAttribute } from '../../../shared/contract';
import { SelectField, type SelectItem } from '../../components/select-field';
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

const ATTRIBUTES: (SelectItem<SearchAttribute> & { example: string })[] = [
  { id: 'username', label: 'Username', example: 'alice.smith' },
  { id: 'email', label: 'Email', example: 'alice@example.com' },
  { id: 'phone_number', label: 'Phone number', example: '+1 555 555 0100' },
  { id: 'name', label: 'Name', example: 'Alice Smith' },
  { id: 'sub', label: 'User id (sub)', example: '1a2b3c4d-…' },
];

const CALLER_EXAMPLE = 'alice.smith, alice@example.com or 555-555-0100';

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
  const descriptionId = useId();
  const attribute = ATTRIBUTES.find((a) => a.id === draft.attribute);

  return (
    <Form
      className="search-form"
      role="search"
      aria-label="Find users"
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
          <Label>Search text</Label>
          <div className="search-input-wrap">
            <Input
              placeholder={`e.g. ${draft.advanced ? (attribute?.example ?? '') : CALLER_EXAMPLE}`}
              maxLength={MAX_SEARCH_TEXT}
              autoComplete="off"
              spellCheck={false}
            />
            <Button className="search-clear" aria-label="Clear search">
              ×
            </Button>
          </div>
        </SearchField>
        <Button type="submit" className="button button-primary">
          Search
        </Button>
      </div>
      <p id={descriptionId} className="field-hint search-hint">
        {draft.advanced
          ? `Finds users whose ${attribute?.label.toLowerCase() ?? 'attribute'} ${draft.match === 'exact' ? 'is exactly' : 'starts with'} what you type. Usernames and user ids are case-sensitive.`
          : 'Username, email, phone number or full name, as the caller says it. A number without + is read in the connection’s default country.'}
      </p>
      <Switch className="switch search-advanced" isSelected={draft.advanced} onChange={(advanced) => setDraft((d) => ({ ...d, advanced }))}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Search by one attribute (advanced)
      </Switch>
      {draft.advanced && (
        <div className="search-options">
          <SelectField
            label="Search by"
            className="field field-compact"
            items={ATTRIBUTES}
            value={draft.attribute}
            onChange={(attribute) => setDraft((d) => ({ ...d, attribute }))}
          />
          <RadioGroup
            className="radio-inline"
            orientation="horizontal"
            value={draft.match}
            onChange={(value) => setDraft((d) => ({ ...d, match: value as Draft['match'] }))}
          >
            <Label>Match</Label>
            <div className="radio-row">
              <Radio value="prefix" className="radio-pill">
                Starts with
              </Radio>
              <Radio value="exact" className="radio-pill">
                Exactly
              </Radio>
            </div>
          </RadioGroup>
        </div>
      )}
    </Form>
  );
}
