import type { ReactNode } from 'react';
import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';

export interface SelectItem<T extends string> {
  id: T;
  label: string;
  /** Shown under the label in the open list. */
  description?: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  items: readonly SelectItem<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  className?: string;
  placeholder?: string;
  /** What the closed field shows for the chosen item; its label by default. */
  renderValue?: (item: SelectItem<T>) => ReactNode;
  /** Said in the open list when there is nothing to choose. */
  emptyState?: string;
  /** Text under the field. */
  description?: ReactNode;
  /** The form's message about the choice: marks the field invalid and is read with it. */
  errorMessage?: string | undefined;
}

/** The one drop-down of the page (react-aria's Select): a label, the chosen item, a list with descriptions. */
export function SelectField<T extends string>({
  label,
  items,
  value,
  onChange,
  className = 'field',
  placeholder,
  renderValue,
  emptyState,
  description,
  errorMessage,
}: SelectFieldProps<T>) {
  return (
    <Select
      className={className}
      value={value ?? null}
      onChange={(key) => {
        if (typeof key === 'string') onChange(key as T);
      }}
      isInvalid={Boolean(errorMessage)}
      // The form decides what is invalid; the field only shows it.
      validationBehavior="aria"
      {...(placeholder ? { placeholder } : {})}
    >
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue<SelectItem<T>>>
          {({ selectedItems, isPlaceholder, selectedText }) => {
            const selected = selectedItems[0];
            if (isPlaceholder || !selected) return placeholder ?? '';
            // The label only by default: descriptions are for the open list.
            return renderValue ? renderValue(selected) : selectedText;
          }}
        </SelectValue>
        <span aria-hidden="true" className="select-chevron" />
      </Button>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="popover">
        <ListBox className="select-list" items={items} {...(emptyState ? { renderEmptyState: () => emptyState } : {})}>
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.label} className="select-item">
              <Text slot="label">{item.label}</Text>
              {item.description && (
                <Text slot="description" className="select-item-description">
                  {item.description}
                </Text>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
