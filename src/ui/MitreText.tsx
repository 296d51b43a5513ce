/** Renders MITRE ATT&CK description text as React text (see mitre-text.ts). */
import React from 'react';
import Link from '@splunk/react-ui/Link';
import List from '@splunk/react-ui/List';
import Paragraph from '@splunk/react-ui/Paragraph';
import { Segment, parseMitreText } from './mitre-text';

function Segments({ segments }: { segments: Segment[] }): React.ReactElement {
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.kind === 'link') {
          return (
            <Link key={i} to={segment.href} openInNewContext>
              {segment.text}
            </Link>
          );
        }
        if (segment.kind === 'code') return <code key={i}>{segment.text}</code>;
        return <React.Fragment key={i}>{segment.text}</React.Fragment>;
      })}
    </>
  );
}

export function MitreText({ text }: { text: string }): React.ReactElement {
  return (
    <>
      {parseMitreText(text).map((block, i) =>
        block.kind === 'paragraph' ? (
          <Paragraph key={i}>
            <Segments segments={block.segments} />
          </Paragraph>
        ) : (
          <List key={i}>
            {block.items.map((item, j) => (
              <List.Item key={j}>
                <Segments segments={item} />
              </List.Item>
            ))}
          </List>
        ),
      )}
    </>
  );
}
