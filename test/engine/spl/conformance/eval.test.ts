/**
 * Conformance: eval and where — operators, precedence, null and multivalue handling,
 * and the evaluation functions. Pages cited per block.
 */
import { ev, evalOn, evalX, run, splError, whereKeeps } from '../helpers';

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/eval
describe('eval command', () => {
  test('creates a new field', () => {
    expect(evalX('1+2')).toBe(3);
  });
  test('overwrites an existing field', () => {
    expect(run('index=main | eval user="x" | table user', [ev({ user: 'bob' })])[0].user).toBe('x');
  });
  test('comma-separated expressions run left to right and see earlier results', () => {
    expect(run('| makeresults | eval a=2, b=a*10 | table b')[0].b).toBe(20);
  });
  test('the result of an expression cannot be a boolean', () => {
    expect(splError('| makeresults | eval x=1<2').message).toMatch(/cannot be a boolean/);
  });
  test('a null result removes the field', () => {
    expect(run('index=main | eval user=null() | table user', [ev({ user: 'bob' })])[0]).toEqual({});
  });
  test('field names with special characters are quoted with single quotes', () => {
    expect(evalOn("'Processes.dest'", { 'Processes.dest': 'WEB01' })).toBe('WEB01');
  });
});

// https://help.splunk.com/en/splunk-enterprise/search/search-manual/10.2/expressions-and-predicates/types-of-expressions
describe('eval literals', () => {
  test('string literals are double-quoted; \\\\ is one backslash', () => {
    expect(evalX('"C:\\\\windows"')).toBe('C:\\windows');
  });
  test('\\t inside a string is a tab', () => {
    expect(evalX('"C:\\\\windows\\temp"')).toBe('C:\\windows\temp');
  });
  test('number literals and numeric expressions', () => {
    expect(evalX('5-4')).toBe(1);
  });
  test('an unquoted word is a field name', () => {
    expect(evalOn('user', { user: 'bob' })).toBe('bob');
  });
});

// https://help.splunk.com/en/splunk-enterprise/search/search-manual/9.3/expressions-and-predicates
// (eval and where: NOT, then AND, then OR; XOR)
describe('eval/where Boolean precedence', () => {
  test('AND binds tighter than OR', () => {
    expect(whereKeeps('a=1 OR a=2 AND b=3', { a: '1', b: '0' })).toBe(true);
    expect(whereKeeps('(a=1 OR a=2) AND b=3', { a: '1', b: '0' })).toBe(false);
  });
  test('NOT binds tighter than AND', () => {
    expect(whereKeeps('NOT a=1 AND b=3', { a: '2', b: '3' })).toBe(true);
  });
  test('XOR is true when exactly one side is true', () => {
    expect(whereKeeps('a=1 XOR b=1', { a: '1', b: '1' })).toBe(false);
    expect(whereKeeps('a=1 XOR b=1', { a: '1', b: '2' })).toBe(true);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/where
describe('where command', () => {
  test('string comparison is case-sensitive', () => {
    expect(whereKeeps('user="Bob"', { user: 'bob' })).toBe(false);
    expect(whereKeeps('user="bob"', { user: 'bob' })).toBe(true);
  });
  test('no wildcards in where: * is a literal', () => {
    expect(whereKeeps('user="b*"', { user: 'bob' })).toBe(false);
  });
  test('an unquoted right-hand side is a field, so user=admin compares two fields', () => {
    expect(whereKeeps('user=admin', { user: 'admin' })).toBe(false);
    expect(whereKeeps('user=admin', { user: 'x', admin: 'x' })).toBe(true);
  });
  test('numeric field values compare numerically', () => {
    expect(whereKeeps('count>9', { count: '10' })).toBe(true);
  });
  test('a comparison with a missing field drops the row', () => {
    expect(whereKeeps('x!=1', {})).toBe(false);
  });
  test('where needs a Boolean expression', () => {
    expect(splError('| makeresults | where 1+1').message).toMatch(/must be a comparison/);
  });
  test('LIKE as an operator', () => {
    expect(whereKeeps('src LIKE "10.9.165.%"', { src: '10.9.165.8' })).toBe(true);
  });
  test('IN as an operator', () => {
    expect(whereKeeps('status IN ("404", "500")', { status: '500' })).toBe(true);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/eval (operators)
describe('eval arithmetic and concatenation', () => {
  test('+ - * / % on numbers', () => {
    expect(evalX('7+3')).toBe(10);
    expect(evalX('7-3')).toBe(4);
    expect(evalX('7*3')).toBe(21);
    expect(evalX('7/2')).toBe(3.5);
    expect(evalX('7%3')).toBe(1);
  });
  test('* binds tighter than +', () => {
    expect(evalX('1+2*3')).toBe(7);
  });
  test('unary minus', () => {
    expect(evalX('-(2+3)')).toBe(-5);
  });
  test('+ concatenates two strings', () => {
    expect(evalX('"a"+"b"')).toBe('ab');
  });
  test('. concatenates strings and numbers', () => {
    expect(evalX('"port ".443')).toBe('port 443');
  });
  test('numeric field values act as numbers', () => {
    expect(evalOn('bytes*2', { bytes: '21' })).toBe(42);
  });
  test('arithmetic with a missing field is null', () => {
    expect(evalOn('missing+1', {})).toBeUndefined();
  });
  test('concatenation with a missing field is null (unverified)', () => {
    expect(evalOn('"a".missing', {})).toBeUndefined();
  });
  test('division by zero is null (unverified)', () => {
    expect(evalX('1/0')).toBeUndefined();
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/comparison-and-conditional-functions
describe('comparison and conditional functions', () => {
  test('if()', () => {
    expect(evalOn('if(status=200, "ok", "error")', { status: '200' })).toBe('ok');
    expect(evalOn('if(status=200, "ok", "error")', { status: '500' })).toBe('error');
  });
  test('case() returns the value of the first true condition', () => {
    expect(evalOn('case(n<10, "low", n<100, "mid", true(), "high")', { n: '50' })).toBe('mid');
  });
  test('case() is null when no condition is true', () => {
    expect(evalOn('case(n<10, "low")', { n: '50' })).toBeUndefined();
  });
  test('coalesce() returns the first non-null argument', () => {
    expect(evalOn('coalesce(a, b, "none")', { b: 'second' })).toBe('second');
  });
  test('like() with % and _', () => {
    expect(evalX('if(like("foobar", "foo%"), 1, 0)')).toBe(1);
    expect(evalX('if(like("foobar", "f_o%"), 1, 0)')).toBe(1);
    expect(evalX('if(like("foobar", "bar"), 1, 0)')).toBe(0);
  });
  test('like() is case-sensitive (unverified)', () => {
    expect(evalX('if(like("FOO", "foo"), 1, 0)')).toBe(0);
  });
  test('match() finds the regex anywhere in the value', () => {
    expect(evalX('if(match("abc123", "\\d+"), 1, 0)')).toBe(1);
    expect(evalX('if(match("abc", "^b"), 1, 0)')).toBe(0);
  });
  test('match() with an inline (?i) flag', () => {
    expect(evalX('if(match("CMD.EXE", "(?i)cmd\\.exe$"), 1, 0)')).toBe(1);
  });
  test('cidrmatch()', () => {
    expect(evalX('if(cidrmatch("123.132.32.0/25", "123.132.32.10"), "local", "not local")')).toBe('local');
    expect(evalX('if(cidrmatch("123.132.32.0/25", "123.132.32.200"), "local", "not local")')).toBe('not local');
  });
  test('in()', () => {
    expect(evalOn('if(in(status, "error", "failure", "severe"), "true", "false")', { status: 'failure' })).toBe('true');
  });
  test('null(), true() and false()', () => {
    expect(evalX('null()')).toBeUndefined();
    expect(evalX('if(true(), 1, 0)')).toBe(1);
    expect(evalX('if(false(), 1, 0)')).toBe(0);
  });
  test('nullif() returns null when both are equal', () => {
    expect(evalX('nullif("a", "a")')).toBeUndefined();
    expect(evalX('nullif("a", "b")')).toBe('a');
  });
  test('searchmatch() applies a search expression to the row', () => {
    expect(evalOn('if(searchmatch("user=bo*"), 1, 0)', { user: 'bob' })).toBe(1);
  });
  test('validate() returns the message of the first failing condition', () => {
    expect(evalOn('validate(isint(port), "not int", port<=65535, "too big")', { port: '70000' })).toBe('too big');
  });
  test('validate() is null when every condition holds; a null condition fails (unverified)', () => {
    expect(evalOn('validate(isint(port), "not int", port<=65535, "too big")', { port: '443' })).toBeUndefined();
    expect(evalOn('validate(nosuchfield>1, "missing")', { port: '443' })).toBe('missing');
  });
  test('case() and validate() need pairs', () => {
    expect(splError('| makeresults | eval x=case(1=1, "a", 2=2)').reason).toMatch(/case\(\) takes pairs of condition and value$/);
    expect(splError('| makeresults | eval x=validate(1=1, "a", 2=2)').reason).toMatch(/validate\(\) takes pairs of condition and message$/);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/informational-functions
describe('informational functions', () => {
  test('isnull() and isnotnull()', () => {
    expect(evalOn('if(isnull(a), 1, 0)', {})).toBe(1);
    expect(evalOn('if(isnotnull(a), 1, 0)', { a: 'x' })).toBe(1);
  });
  test('isnum() is true for numeric field values, false for string literals', () => {
    expect(evalOn('if(isnum(port), 1, 0)', { port: '443' })).toBe(1);
    expect(evalX('if(isnum("443"), 1, 0)')).toBe(0);
  });
  test('isstr()', () => {
    expect(evalOn('if(isstr(user), 1, 0)', { user: 'bob' })).toBe(1);
    expect(evalOn('if(isstr(port), 1, 0)', { port: '443' })).toBe(0);
  });
  test('isint()', () => {
    expect(evalOn('if(isint(n), 1, 0)', { n: '3' })).toBe(1);
    expect(evalOn('if(isint(n), 1, 0)', { n: '3.5' })).toBe(0);
  });
  test('typeof()', () => {
    expect(evalX('typeof(12)')).toBe('Number');
    expect(evalX('typeof("a")')).toBe('String');
    expect(evalX('typeof(1==2)')).toBe('Boolean');
    expect(evalX('typeof(nosuchfield)')).toBe('Invalid');
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/text-functions
describe('text functions', () => {
  test('len()', () => {
    expect(evalX('len("hello")')).toBe(5);
  });
  test('lower() and upper()', () => {
    expect(evalX('lower("CMD.EXE")')).toBe('cmd.exe');
    expect(evalX('upper("cmd.exe")')).toBe('CMD.EXE');
  });
  test('substr() is 1-based', () => {
    expect(evalX('substr("splunk", 1, 3)')).toBe('spl');
  });
  test('substr() with a negative start counts from the end', () => {
    expect(evalX('substr("splunk", -3)')).toBe('unk');
  });
  test('substr() without length runs to the end', () => {
    expect(evalX('substr("splunk", 3)')).toBe('lunk');
  });
  test('replace() with a regex and back-references', () => {
    expect(evalX('replace("1/14/2017", "^(\\d{1,2})/(\\d{1,2})/", "\\2/\\1/")')).toBe('14/1/2017');
  });
  test('replace() replaces every match', () => {
    expect(evalX('replace("a-b-c", "-", "+")')).toBe('a+b+c');
  });
  test('split() returns a multivalue', () => {
    expect(evalX('split("a;b;c", ";")')).toEqual(['a', 'b', 'c']);
  });
  test('trim(), ltrim(), rtrim()', () => {
    expect(evalX('trim("  x  ")')).toBe('x');
    expect(evalX('ltrim("  x  ")')).toBe('x  ');
    expect(evalX('rtrim("  x  ")')).toBe('  x');
  });
  test('trim() with a character set', () => {
    expect(evalX('trim("ZZZZabcZZ ", " Z")')).toBe('abc');
  });
  test('urldecode()', () => {
    expect(evalX('urldecode("http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader")')).toBe('http://www.splunk.com/download?r=header');
  });
  test('urldecode() turns + into a space', () => {
    expect(evalX('urldecode("a+b")')).toBe('a b');
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/evaluation-functions/multivalue-eval-functions
describe('multivalue functions', () => {
  test('mvcount()', () => {
    expect(evalX('mvcount(split("a,b,c", ","))')).toBe(3);
  });
  test('mvcount() of a single value is 1, of null is null', () => {
    expect(evalX('mvcount("a")')).toBe(1);
    expect(evalX('mvcount(nosuch)')).toBeUndefined();
  });
  test('mvindex() is 0-based', () => {
    expect(evalX('mvindex(split("a,b,c", ","), 0)')).toBe('a');
  });
  test('mvindex() with a negative index counts from the end', () => {
    expect(evalX('mvindex(split("a,b,c", ","), -1)')).toBe('c');
  });
  test('mvindex() with an end index is inclusive', () => {
    expect(evalX('mvindex(split("a,b,c,d", ","), 1, 2)')).toEqual(['b', 'c']);
  });
  test('mvindex() out of range is null', () => {
    expect(evalX('mvindex(split("a,b", ","), 5)')).toBeUndefined();
  });
  test('mvjoin()', () => {
    expect(evalX('mvjoin(split("a,b,c", ","), ";")')).toBe('a;b;c');
  });
  test('mvappend() flattens values and multivalues', () => {
    expect(evalX('mvappend("a", split("b,c", ","), "d")')).toEqual(['a', 'b', 'c', 'd']);
  });
  test('mvfilter() keeps the values that satisfy the predicate', () => {
    expect(evalOn('mvfilter(match(email, "net$"))', { email: ['a@x.net', 'b@y.com', 'c@z.net'] })).toEqual(['a@x.net', 'c@z.net']);
  });
  test('mvdedup() keeps the first of each value', () => {
    expect(evalX('mvdedup(split("b,a,b,c,a", ","))')).toEqual(['b', 'a', 'c']);
  });
  test('mvsort() sorts lexicographically', () => {
    expect(evalX('mvsort(split("b,10,a,2", ","))')).toEqual(['10', '2', 'a', 'b']);
  });
  test('mvzip() pairs values', () => {
    expect(evalX('mvzip(split("a,b", ","), split("1,2", ","), "/")')).toEqual(['a/1', 'b/2']);
  });
  test('mvfind() returns the index of the first match', () => {
    expect(evalX('mvfind(split("x,err42,y", ","), "err\\d+")')).toBe(1);
  });
  test('a comparison with a multivalue field is true when any value matches (unverified)', () => {
    expect(whereKeeps('tag="process"', { tag: ['report', 'process'] })).toBe(true);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/conversion-functions
describe('conversion functions', () => {
  test('tonumber()', () => {
    expect(evalX('tonumber("0A4", 16)')).toBe(164);
    expect(evalX('tonumber("12.5")')).toBe(12.5);
  });
  test('tonumber() of a non-number is null', () => {
    expect(evalX('tonumber("abc")')).toBeUndefined();
  });
  test('tostring() of a number', () => {
    expect(evalX('tostring(1+2)')).toBe('3');
  });
  test('tostring(x, "commas") groups thousands and rounds to two decimals', () => {
    expect(evalX('tostring(12345.6789, "commas")')).toBe('12,345.68');
  });
  test('tostring(x, "hex")', () => {
    expect(evalX('tostring(15, "hex")')).toBe('0xF');
  });
  test('tostring(x, "duration") formats seconds as HH:MM:SS', () => {
    expect(evalX('tostring(615, "duration")')).toBe('00:10:15');
  });
  test('tostring() of a Boolean', () => {
    expect(evalX('tostring(1==1)')).toBe('True');
  });
  test('printf()', () => {
    expect(evalX('printf("%04d|%-4s|%.2f|%x", 42, "ab", 3.14159, 255)')).toBe('0042|ab  |3.14|ff');
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/mathematical-functions
describe('mathematical functions', () => {
  test('abs(), ceiling(), floor()', () => {
    expect(evalX('abs(-3)')).toBe(3);
    expect(evalX('ceiling(1.2)')).toBe(2);
    expect(evalX('ceil(1.2)')).toBe(2);
    expect(evalX('floor(1.8)')).toBe(1);
  });
  test('round() to an integer and to decimals', () => {
    expect(evalX('round(3.5)')).toBe(4);
    expect(evalX('round(2.555, 2)')).toBe(2.56);
  });
  test('max() and min() over numbers', () => {
    expect(evalX('max(1, 3, 6, 7)')).toBe(7);
    expect(evalX('min(1, 3, 6, 7)')).toBe(1);
  });
  test('pow(), sqrt(), log()', () => {
    expect(evalX('pow(2, 10)')).toBe(1024);
    expect(evalX('sqrt(9)')).toBe(3);
    expect(evalX('log(100)')).toBe(2);
  });
});

// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/evaluation-functions/date-and-time-functions
describe('date and time functions', () => {
  test('now() is the search start time', () => {
    expect(evalX('now()', { now: 1700000000 })).toBe(1700000000);
  });
  test('strftime() formats epoch time (UTC by default)', () => {
    expect(evalX('strftime(1773482400, "%Y-%m-%dT%H:%M:%S")')).toBe('2026-03-14T10:00:00');
  });
  test('strftime() in a time zone', () => {
    expect(evalX('strftime(1773482400, "%H:%M %z")', { timezone: 'America/New_York' })).toBe('06:00 -0400');
  });
  test('strptime() parses text into epoch time', () => {
    expect(evalX('strptime("2026-03-14 10:00:00", "%Y-%m-%d %H:%M:%S")')).toBe(1773482400);
  });
  test('strptime() with a %z offset', () => {
    expect(evalX('strptime("2026-03-14T12:00:00+0200", "%Y-%m-%dT%H:%M:%S%z")')).toBe(1773482400);
  });
  test('strptime() of text that does not match is null', () => {
    expect(evalX('strptime("yesterday", "%Y-%m-%d")')).toBeUndefined();
  });
  test('relative_time() applies a time modifier', () => {
    expect(evalX('relative_time(1773482400, "-1d@d")')).toBe(1773482400 - 86400 - 10 * 3600);
  });
  test('eval of _time changes the event time', () => {
    expect(run('index=main | eval _time=_time+60 | table _time', [ev({ _time: 100 })], { now: 1000 })[0]._time).toBe(160);
  });
});

// Unknown and unsupported functions fail with a clear message naming the function.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/eval
describe('function diagnostics', () => {
  test('an unknown function is an error at its position', () => {
    const e = splError('| makeresults | eval x=frobnicate(1)');
    expect(e.message).toMatch(/unknown function "frobnicate"/);
    expect(e.position?.column).toBe(24);
  });
  test('a real Splunk function the engine lacks is named as unsupported', () => {
    expect(splError('| makeresults | eval x=json_extract("{}", "a")').message).toMatch(/function not supported by the offline engine: json_extract\(\)/);
  });
  test('a wrong number of arguments is an error', () => {
    expect(splError('| makeresults | eval x=if(1=1, 2)').message).toMatch(/if\(\) takes 3 arguments, got 2/);
  });
});
