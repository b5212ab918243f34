#!/usr/bin/env python3
"""Writes the Delegating* base classes of nl2sql-jdbc from the JDK's java.sql sources.

Run once per JDK upgrade: python3 gen_delegates.py <dir with java/sql/*.java> <output package dir>.
The output is plain delegation (every interface method forwards to the delegate) plus calls to the
wrapping hooks for methods that return JDBC objects; behaviour lives in the Wrapped* subclasses.
"""
import re
import sys

SRC, OUT = sys.argv[1], sys.argv[2]

# class name -> (interface, superclass or None, {return type or method name: template})
SPECS = {
    'DelegatingConnection': ('Connection', None, {
        'createStatement': 'wrapStatement({call})',
        'prepareStatement': 'wrapPrepared(sql, {call})',
        'prepareCall': 'wrapCallable(sql, {call})',
        'getMetaData': 'wrapMetaData({call})',
    }, ['Statement wrapStatement(Statement statement)',
        'PreparedStatement wrapPrepared(String sql, PreparedStatement statement)',
        'CallableStatement wrapCallable(String sql, CallableStatement statement)',
        'DatabaseMetaData wrapMetaData(DatabaseMetaData metaData)']),
    'DelegatingStatement': ('Statement', None, {
        'getConnection': 'connection()',
        'ResultSet': 'wrapResultSet({call})',
    }, ['Connection connection()', 'ResultSet wrapResultSet(ResultSet resultSet)']),
    'DelegatingPreparedStatement': ('PreparedStatement', 'DelegatingStatement', {
        'ResultSet': 'wrapResultSet({call})',
    }, []),
    'DelegatingCallableStatement': ('CallableStatement', 'DelegatingPreparedStatement', {
        'ResultSet': 'wrapResultSet({call})',
    }, []),
    'DelegatingResultSet': ('ResultSet', None, {
        'getStatement': 'statement()',
    }, ['Statement statement()']),
    'DelegatingDatabaseMetaData': ('DatabaseMetaData', None, {
        'getConnection': 'connection()',
        'ResultSet': 'wrapResultSet({call})',
    }, ['Connection connection()', 'ResultSet wrapResultSet(ResultSet resultSet)']),
}


def strip_comments(s):
    s = re.sub(r'/\*.*?\*/', '', s, flags=re.S)
    s = re.sub(r'//[^\n]*', '', s)
    return s


def split_params(p):
    out, depth, cur = [], 0, ''
    for ch in p:
        if ch == '<':
            depth += 1
        elif ch == '>':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur)
            cur = ''
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    out = [' '.join(x.split()) for x in out]
    # C-style arrays (int columnIndexes[]) become int[] columnIndexes
    return [re.sub(r'^(.*) (\w+)\[\]$', r'\1[] \2', x) for x in out]


def methods(iface):
    text = strip_comments(open(f'{SRC}/java/sql/{iface}.java').read())
    imports = re.findall(r'^import\s+([\w.]+);', text, flags=re.M)
    body = text[text.index('{', text.index('interface ' + iface)) + 1:]
    chunks, depth, cur = [], 0, ''
    i = 0
    while i < len(body):
        ch = body[i]
        if depth == 0 and ch == ';':
            chunks.append(cur)
            cur = ''
        elif ch == '{':
            if depth == 0:
                chunks.append(cur)
                cur = ''
            depth += 1
        elif ch == '}':
            depth -= 1
            if depth < 0:
                break
        elif depth == 0:
            cur += ch
        i += 1
    result = []
    for c in chunks:
        c = ' '.join(c.split())
        if '(' not in c or '=' in c.split('(')[0]:
            continue
        deprecated = '@Deprecated' in c
        c = re.sub(r'@\w+(\([^)]*\))?', '', c).strip()
        if re.match(r'^(public\s+)?static\b', c):
            continue
        c = re.sub(r'^(public\s+)?(default\s+)?', '', c).strip()
        m = re.match(r'^(<[^>]+>\s+)?(.+?)\s+(\w+)\s*\((.*)\)\s*(throws\s+.+)?$', c)
        if not m:
            raise SystemExit('cannot parse: ' + c)
        tp, ret, name, params, throws = m.groups()
        params = split_params(params)
        result.append(dict(tp=(tp or '').strip(), ret=ret.strip(), name=name, params=params,
                           throws=(throws or '').strip(), deprecated=deprecated))
    return imports, result


import os
SQL_TYPES = {'java.sql.' + f[:-5] for f in os.listdir(SRC + '/java/sql') if f.endswith('.java') and f != 'package-info.java'}

HEADER = '''package io.github.nl2sql.jdbc;

{imports}
/**
 * Forwards every {{@link {iface}}} method to the wrapped driver's object; methods that return JDBC
 * objects go through the wrapping hooks so callers never see an unwrapped object. Written by
 * {{@code src/build/gen_delegates.py}} from the JDK's {{@code java.sql}} sources and kept by hand since;
 * behaviour lives in the subclass. Internal.
 */
abstract class {cls} {ext}implements {iface} {{
  final {iface} delegate;

  {cls}({iface} delegate) {{
    {superCall}this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
  }}
'''

for cls, (iface, sup, wraps, hooks) in SPECS.items():
    imports, ms = methods(iface)
    used = set()
    lines = []
    for h in hooks:
        lines.append(f'\n  abstract {h} throws SQLException;\n')
    for m in ms:
        args = ', '.join(p.split(' ')[-1].replace('...', '') for p in m['params'])
        call = f"delegate.{m['name']}({args})"
        tmpl = wraps.get(m['name']) or wraps.get(m['ret'])
        expr = tmpl.format(call=call) if tmpl else call
        ret = m['ret']
        body = f'{expr};' if ret == 'void' else f'return {expr};'
        ann = '  @Override\n' + ('  @Deprecated\n' if m['deprecated'] else '')
        tp = m['tp'] + ' ' if m['tp'] else ''
        throws = ' ' + m['throws'] if m['throws'] else ''
        lines.append(f"\n{ann}  public {tp}{ret} {m['name']}({', '.join(m['params'])}){throws} {{\n    {body}\n  }}\n")
    # Wrapper methods: the wrapper first, then the delegate.
    if sup is None:
        lines.append('''
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (iface.isInstance(delegate)) {
      return iface.cast(delegate);
    }
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface);
  }
''')
    src = ''.join(lines)
    imp = []
    for i in sorted(set(imports) | SQL_TYPES):
        simple = i.split('.')[-1]
        if i.endswith('*'):
            continue
        if re.search(r'\b' + simple + r'\b', src) or simple == iface:
            imp.append(f'import {i};')
    ext = f'extends {sup} ' if sup else ''
    superCall = 'super(delegate);\n    ' if sup else ''
    out = HEADER.format(imports='\n'.join(imp) + '\n', iface=iface, cls=cls, ext=ext, superCall=superCall) + src + '}\n'
    open(f'{OUT}/{cls}.java', 'w').write(out)
    print(cls, len(ms), 'methods')
