import { useState } from 'react';
import {
  Button,
  Form,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  SearchField,
  Select,
  SelectValue,
} from 'react-aria-components';
import type { SearchAttribute } from '../../../shared/contract';

export interface UserSearch {
  attribute: SearchAttribute;
  match: 'exact' | 'prefix';
  value: string;
}

export const EMPTY_SEARCH: UserSearch = { attribute: 'username', match: 'prefix', value: '' };

const ATTRIBUTES: { id: SearchAttribute; label: string; example: string }[] = [
  { id: 'username', label: 'Username', example: 'alice.smith' },
  { id: 'email', label: 'Email', example: 'alice@example.com' },
  { id: 'phone_number', label: 'Phone number', example: '+15555550100' },
  { id: 'name', label: 'Name', example: 'Alice Smith' },
  { id: 'sub', label: 'User id (sub)', example: '1a2b3c4d-…' },
];

interface UserSearchFormProps {
  onSearch: (search: UserSearch) => void;
}

/** Searches on submit (Enter or the button), not per keystroke: ListUsers has a tight rate limit. */
export function UserSearchForm({ onSearch }: UserSearchFormProps) {
  const [draft, setDraft] = useState<UserSearch>(EMPTY_SEARCH);
  const example = ATTRIBUTES.find((a) => a.id === draft.attribute)?.example ?? '';

  return (
    <Form
      className="search-form"
      role="search"
      aria-label="Find users"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft);
      }}
    >
      <div className="search-options">
        <Select
          className="field field-compact"
          value={draft.attribute}
          onChange={(key) => setDraft((d) => ({ ...d, attribute: key as SearchAttribute }))}
        >
          <Label>Search by</Label>
          <Button className="select-button">
            <SelectValue />
            <span aria-hidden="true" className="select-chevron">
              ▾
            </span>
          </Button>
          <Popover className="popover">
            <ListBox className="select-list" items={ATTRIBUTES}>
              {(item) => (
                <ListBoxItem id={item.id} className="select-item">
                  {item.label}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </Select>
        <RadioGroup
          className="radio-inline"
          orientation="horizontal"
          value={draft.match}
          onChange={(value) => setDraft((d) => ({ ...d, match: value as UserSearch['match'] }))}
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
      <div className="search-row">
        <SearchField
          className="field search-field"
          value={draft.value}
          onChange={(value) => setDraft((d) => ({ ...d, value }))}
          // Escape or the clear button empties the field; list everyone again.
          onClear={() => onSearch({ ...draft, value: '' })}
        >
          <Label>Search text</Label>
          <div className="search-input-wrap">
            <Input placeholder={`e.g. ${example}`} maxLength={200} autoComplete="off" spellCheck={false} />
            <Button className="search-clear" aria-label="Clear search">
              ×
            </Button>
          </div>
        </SearchField>
        <Button type="submit" className="button button-primary">
          Search
        </Button>
      </div>
    </Form>
  );
}
