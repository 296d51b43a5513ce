/**
 * CIM Web mappings for IIS W3C logs (Splunk Add-on for Microsoft IIS) and for
 * Apache/nginx access logs (as the web-server add-ons map them).
 */
import type { Row } from '../../event';
import { addUnique, setField, str } from '../../ingest/fields';

export function applyIisCim(ev: Row, hostGiven: boolean): void {
  const stem = str(ev, 'cs_uri_stem');
  const query = str(ev, 'cs_uri_query');
  setField(ev, 'src', str(ev, 'c_ip'));
  setField(ev, 'src_ip', str(ev, 'c_ip'));
  setField(ev, 'dest', str(ev, 's_computername') ?? (hostGiven ? str(ev, 'host') : undefined) ?? str(ev, 's_ip'));
  setField(ev, 'dest_ip', str(ev, 's_ip'));
  setField(ev, 'dest_port', str(ev, 's_port'));
  setField(ev, 'http_method', str(ev, 'cs_method'));
  setField(ev, 'uri_path', stem);
  setField(ev, 'uri_query', query);
  setField(ev, 'url', stem === undefined ? undefined : query === undefined ? stem : `${stem}?${query}`);
  setField(ev, 'status', str(ev, 'sc_status'));
  setField(ev, 'http_user_agent', str(ev, 'cs_User_Agent_')?.replace(/\+/g, ' '));
  setField(ev, 'http_referrer', str(ev, 'cs_Referer_'));
  setField(ev, 'user', str(ev, 'cs_username'));
  setField(ev, 'bytes_in', str(ev, 'cs_bytes'));
  setField(ev, 'bytes_out', str(ev, 'sc_bytes'));
  const bytesIn = str(ev, 'cs_bytes');
  const bytesOut = str(ev, 'sc_bytes');
  if (bytesIn !== undefined && bytesOut !== undefined) setField(ev, 'bytes', String(Number(bytesIn) + Number(bytesOut)));
  setField(ev, 'site', str(ev, 'cs_host') ?? str(ev, 's_sitename'));
  setField(ev, 'vendor_product', 'Microsoft IIS');
  addUnique(ev, 'eventtype', 'ms-iis-web');
  addUnique(ev, 'tag', 'web');
}

export function applyAccessCim(ev: Row): void {
  setField(ev, 'src', str(ev, 'clientip'));
  setField(ev, 'src_ip', str(ev, 'clientip'));
  setField(ev, 'dest', str(ev, 'host'));
  setField(ev, 'http_method', str(ev, 'method'));
  setField(ev, 'url', str(ev, 'uri'));
  setField(ev, 'bytes_out', str(ev, 'bytes'));
  setField(ev, 'http_referrer', str(ev, 'referer'));
  setField(ev, 'http_user_agent', str(ev, 'useragent'));
  setField(ev, 'vendor_product', 'Apache');
  addUnique(ev, 'eventtype', 'access_combined_web');
  addUnique(ev, 'tag', 'web');
}
