import type { ButtonProps } from 'antd';

/**
 * OK-button props for a modal whose form has id `formId`: the button submits that form, so Enter
 * in any field submits too (the form's default button).
 */
export function submitButtonProps(formId: string, loading: boolean, testId?: string): ButtonProps {
  const props: ButtonProps = { htmlType: 'submit', form: formId, loading };
  if (testId) Object.assign(props, { 'data-testid': testId });
  return props;
}
