/**
 * Names of the ATT&CK Enterprise tactics (https://attack.mitre.org/tactics/enterprise/) and
 * the Lockheed Martin kill-chain phase ESCU's generator assigns to each (splunk/security_content
 * `bin/generate.py`, ATTACK_TACTICS_KILLCHAIN_MAPPING; a convention, not an ATT&CK fact).
 */

export const TACTICS: Record<string, { name: string; killChain: string }> = {
  TA0043: { name: 'Reconnaissance', killChain: 'Reconnaissance' },
  TA0042: { name: 'Resource Development', killChain: 'Weaponization' },
  TA0001: { name: 'Initial Access', killChain: 'Delivery' },
  TA0002: { name: 'Execution', killChain: 'Installation' },
  TA0003: { name: 'Persistence', killChain: 'Installation' },
  TA0004: { name: 'Privilege Escalation', killChain: 'Exploitation' },
  TA0005: { name: 'Defense Evasion', killChain: 'Exploitation' },
  TA0006: { name: 'Credential Access', killChain: 'Exploitation' },
  TA0007: { name: 'Discovery', killChain: 'Exploitation' },
  TA0008: { name: 'Lateral Movement', killChain: 'Exploitation' },
  TA0009: { name: 'Collection', killChain: 'Exploitation' },
  TA0011: { name: 'Command and Control', killChain: 'Command and Control' },
  TA0010: { name: 'Exfiltration', killChain: 'Actions on Objectives' },
  TA0040: { name: 'Impact', killChain: 'Actions on Objectives' },
};

export function tacticName(id: string): string {
  return TACTICS[id]?.name ?? id;
}
