/**
 * Overview: T1505 and its sub-techniques as MITRE ATT&CK describes them, with
 * platforms, data components, detection strategies and the mitigations that
 * apply to each. Everything comes from the app's lookups through searches.
 */
import React from 'react';
import DefinitionList from '@splunk/react-ui/DefinitionList';
import Heading from '@splunk/react-ui/Heading';
import Link from '@splunk/react-ui/Link';
import Message from '@splunk/react-ui/Message';
import Paragraph from '@splunk/react-ui/Paragraph';
import Table from '@splunk/react-ui/Table';
import styled from 'styled-components';
import { variables } from '@splunk/themes';
import { MitreText } from '../../ui/MitreText';
import { SearchFailed, SearchRunning } from '../../ui/SearchStatus';
import { combineSearches, useSearch } from '../../ui/useSearch';
import { MITIGATIONS_SEARCH, Named, Overview, TECHNIQUES_SEARCH, TechniqueView, buildOverview } from './overview-model';

const Page = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${variables.spacingMedium};
  padding: ${variables.spacingLarge};
  max-width: 1200px;
`;

const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: ${variables.spacingSmall};
  margin-top: ${variables.spacingXLarge};
`;

const MITRE_NOTICE =
  '© 2026 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation. ' +
  'MITRE ATT&CK and ATT&CK are registered trademarks of The MITRE Corporation.';

const detectionStrategyUrl = (id: string): string => `https://attack.mitre.org/detectionstrategies/${encodeURIComponent(id)}`;

function NamedList({ items, href }: { items: Named[]; href?: (id: string) => string }): React.ReactElement {
  return (
    <>
      {items.map((item, i) => (
        <React.Fragment key={item.id}>
          {i > 0 ? '; ' : ''}
          {href ? (
            <Link to={href(item.id)} openInNewContext>
              {`${item.id} ${item.name}`}
            </Link>
          ) : (
            `${item.id} ${item.name}`
          )}
        </React.Fragment>
      ))}
    </>
  );
}

function TechniqueSection({ technique }: { technique: TechniqueView }): React.ReactElement {
  return (
    <Section aria-labelledby={`technique-${technique.id}`}>
      <Heading level={2}>
        <span id={`technique-${technique.id}`}>
          {technique.id} {technique.name}
        </span>
      </Heading>
      <DefinitionList termWidth="180px">
        <DefinitionList.Term>Tactic</DefinitionList.Term>
        <DefinitionList.Description>
          <NamedList items={technique.tactics} />
        </DefinitionList.Description>
        <DefinitionList.Term>Platforms</DefinitionList.Term>
        <DefinitionList.Description>{technique.platforms.join(', ')}</DefinitionList.Description>
        <DefinitionList.Term>Detection strategy</DefinitionList.Term>
        <DefinitionList.Description>
          <NamedList items={technique.detectionStrategies} href={detectionStrategyUrl} />
        </DefinitionList.Description>
        <DefinitionList.Term>Data components</DefinitionList.Term>
        <DefinitionList.Description>
          <NamedList items={technique.dataComponents} />
        </DefinitionList.Description>
        <DefinitionList.Term>MITRE ATT&amp;CK</DefinitionList.Term>
        <DefinitionList.Description>
          <Link to={technique.url} openInNewContext>
            {technique.url}
          </Link>
        </DefinitionList.Description>
      </DefinitionList>
      <MitreText text={technique.description} />
      <Heading level={3}>Mitigations ({technique.mitigations.length})</Heading>
      {technique.mitigations.length === 0 ? (
        <Paragraph>MITRE lists no mitigation for this technique.</Paragraph>
      ) : (
        <Table stripeRows>
          <Table.Head>
            <Table.HeadCell width={90}>ID</Table.HeadCell>
            <Table.HeadCell width={240}>Mitigation</Table.HeadCell>
            <Table.HeadCell>How it applies</Table.HeadCell>
          </Table.Head>
          <Table.Body>
            {technique.mitigations.map((mitigation) => (
              <Table.Row key={mitigation.id}>
                <Table.Cell>
                  <Link to={mitigation.url} openInNewContext>
                    {mitigation.id}
                  </Link>
                </Table.Cell>
                <Table.Cell>{mitigation.name}</Table.Cell>
                <Table.Cell>
                  <MitreText text={mitigation.description} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Section>
  );
}

function OverviewContent({ overview }: { overview: Overview }): React.ReactElement {
  if (overview.techniques.length === 0) {
    return (
      <Message type="warning">
        The lookup t1505_techniques_lookup returned no rows. Reinstall the app, or run npm run attack:update and repackage it.
      </Message>
    );
  }
  return (
    <>
      <Paragraph>
        {`MITRE ATT&CK ${overview.attackVersion}: ${overview.techniques.length} techniques, ` +
          `${overview.mitigationCount} mitigations, ${overview.pairCount} technique–mitigation pairs.`}
      </Paragraph>
      <Table stripeRows>
        <Table.Head>
          <Table.HeadCell width={110}>ID</Table.HeadCell>
          <Table.HeadCell>Technique</Table.HeadCell>
          <Table.HeadCell>Platforms</Table.HeadCell>
          <Table.HeadCell width={120}>Mitigations</Table.HeadCell>
        </Table.Head>
        <Table.Body>
          {overview.techniques.map((technique) => (
            <Table.Row key={technique.id}>
              <Table.Cell>{technique.id}</Table.Cell>
              <Table.Cell>{technique.name}</Table.Cell>
              <Table.Cell>{technique.platforms.join(', ')}</Table.Cell>
              <Table.Cell>{technique.mitigations.length}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {overview.techniques.map((technique) => (
        <TechniqueSection key={technique.id} technique={technique} />
      ))}
    </>
  );
}

export function OverviewPage(): React.ReactElement {
  const search = combineSearches({
    techniques: useSearch({ spl: TECHNIQUES_SEARCH }),
    mitigations: useSearch({ spl: MITIGATIONS_SEARCH }),
  });
  return (
    <Page>
      <Heading level={1}>T1505 Server Software Component</Heading>
      <Paragraph>
        Adversaries persist on servers by installing components the server software loads: web shells, IIS modules, SQL
        Server stored procedures, Exchange transport agents, Terminal Services DLLs, vSphere installation bundles.
      </Paragraph>
      {search.status === 'running' && <SearchRunning what="the MITRE ATT&CK lookups" />}
      {search.status === 'failed' && (
        <SearchFailed
          what="the MITRE ATT&CK lookups"
          message={search.message}
          hint="Check that the lookups t1505_techniques_lookup and t1505_mitigations_lookup are shared with your role."
        />
      )}
      {search.status === 'done' && (
        <OverviewContent overview={buildOverview(search.rows.techniques, search.rows.mitigations)} />
      )}
      <Paragraph>
        <small>{MITRE_NOTICE}</small>
      </Paragraph>
    </Page>
  );
}
