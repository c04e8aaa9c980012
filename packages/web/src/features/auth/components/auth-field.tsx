import type { IconDefinition } from '@ant-design/icons-svg/es/types';
import { type InputHTMLAttributes, useId } from 'react';
import { SvgIcon } from '../../../lib/components/svg-icon';

/** A labelled input with its validation message below, drawn like antd's large Form.Item. */
export function AuthField({
  label,
  error,
  icon,
  testId,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string | null;
  icon?: IconDefinition;
  testId: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'fq-auth-field fq-auth-field-error' : 'fq-auth-field'}>
      <label htmlFor={id}>{label}</label>
      <span className="fq-auth-input">
        {icon ? <SvgIcon icon={icon} /> : null}
        <input
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={testId}
          {...input}
        />
      </span>
      {error ? (
        <div id={errorId} className="fq-auth-field-message" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A full-width primary (or link-styled) button; while `loading` it shows a spinner and ignores clicks. */
export function AuthButton({
  kind = 'primary',
  loading = false,
  testId,
  children,
  ...button
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  kind?: 'primary' | 'link';
  loading?: boolean;
  testId: string;
}) {
  return (
    <button
      type="button"
      className={`fq-auth-button fq-auth-button-${kind}`}
      aria-busy={loading || undefined}
      data-testid={testId}
      {...button}
      onClick={loading ? (event) => event.preventDefault() : button.onClick}
    >
      {loading ? <span className="fq-auth-button-spin" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
