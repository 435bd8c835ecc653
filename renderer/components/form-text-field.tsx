import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField, type InputProps } from 'react-aria-components';
import { useController, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';

interface FormTextFieldProps<Values extends FieldValues, Parsed> {
  control: Control<Values, unknown, Parsed>;
  /** The value this field edits: a string in the form's values. */
  name: FieldPathByValue<Values, string>;
  label: string;
  /** Text under the field, read as its description. */
  description?: ReactNode;
  className?: string;
  type?: 'text' | 'password';
  isRequired?: boolean;
  'aria-describedby'?: string;
  /** For the input element: its class, placeholder, autoComplete and the like. */
  input?: Omit<InputProps, 'value' | 'onChange' | 'onBlur' | 'name'>;
}

/**
 * The one text field of the page's forms: react-aria's TextField bound to react-hook-form. The form's
 * message for the field (the contract's, or the privileged side's) marks it invalid and is read with it.
 */
export function FormTextField<Values extends FieldValues, Parsed>({
  control,
  name,
  label,
  description,
  className = 'field',
  input,
  ...textField
}: FormTextFieldProps<Values, Parsed>) {
  const {
    field: { ref, value, onChange, onBlur, disabled },
    fieldState,
  } = useController({ control, name });
  return (
    <TextField
      {...textField}
      className={className}
      name={name}
      value={value as string}
      onChange={onChange}
      onBlur={onBlur}
      isDisabled={disabled ?? false}
      isInvalid={fieldState.invalid}
      // react-hook-form decides what is invalid; the field only shows it.
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <Input {...input} ref={ref} />
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{fieldState.error?.message}</FieldError>
    </TextField>
  );
}
