import { Alert, Modal, type ModalProps } from 'antd';
import { useId, useState } from 'react';
import { submitButtonProps } from './modal-form';

/** The state every form dialog keeps: its form id, whether it is sending, and the last error to show. */
export function useModalForm() {
  const formId = useId();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs one submission; `describeError` maps a failure onto the form's fields and returns the banner text. */
  async function run(
    work: () => Promise<void>,
    describeError: (error: unknown) => string | null,
  ): Promise<void> {
    setSubmitting(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return { formId, submitting, error, run, clearError: () => setError(null) };
}

export type ModalFormState = ReturnType<typeof useModalForm>;

/** A dialog around one form: OK submits it (so does Enter), errors show above it, and close forgets them. */
export function FormModal({
  modal,
  submitTestId,
  children,
  ...props
}: Omit<ModalProps, 'okButtonProps' | 'afterClose' | 'destroyOnHidden'> & {
  modal: ModalFormState;
  submitTestId: string;
}) {
  return (
    <Modal
      {...props}
      okButtonProps={submitButtonProps(modal.formId, modal.submitting, submitTestId)}
      destroyOnHidden
      afterClose={modal.clearError}
    >
      {modal.error ? <Alert type="error" showIcon title={modal.error} style={{ marginBottom: 16 }} /> : null}
      {children}
    </Modal>
  );
}
