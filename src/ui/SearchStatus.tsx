/** What a page shows while its searches run, and when one fails. */
import React from 'react';
import Message from '@splunk/react-ui/Message';
import WaitSpinner from '@splunk/react-ui/WaitSpinner';
import styled from 'styled-components';
import { variables } from '@splunk/themes';

const Waiting = styled.div`
  display: flex;
  align-items: center;
  gap: ${variables.spacingSmall};
  padding: ${variables.spacingLarge} 0;
`;

export function SearchRunning({ what }: { what: string }): React.ReactElement {
  return (
    <Waiting role="status" aria-live="polite">
      <WaitSpinner size="medium" screenReaderText={null} />
      <span>Loading {what}…</span>
    </Waiting>
  );
}

export function SearchFailed({ what, message, hint }: { what: string; message: string; hint?: string }): React.ReactElement {
  return (
    <Message type="error" appearance="fill">
      <Message.Title>Could not load {what}</Message.Title>
      {`Splunk said: ${message}`}
      {hint ? ` ${hint}` : ''}
    </Message>
  );
}
