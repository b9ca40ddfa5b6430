# CPython 3.11's format() and repr()/str() of values written in the common
# subset of Python and Starlark, as JSON on stdout: the golden file
# cpython.json (TestCPythonFormatTwin checks it; -update rewrites it).
import json
import sys
# (starlark/python expression text, spec)
exprs = ["1","-1","0","255","-255","1234567","12345678","18446744073709551616","-1180591620717411303424","97","True","False","1.5","-1.5","0.0","-0.0","1e16","1e15","1e-5","0.0001","1234.5678","2.675","0.125","1/3","123.456","1e300*10","-1e300*10","float('nan')","123456789.0","1e22","5e-324","100.0","9.99","'abc'","''","'héllo'"]
specs = ["","5","<5","^7","*>8","=+8","+","-"," ","z","#","0","08","010","010,",",","_","_x","#x","#X","#o","#b","08b","#010b","x","X","o","b","c","d","n",".2",".0","#.0",".1f","+.1f","z.1f",",.2f","e","E",".3e","#.0e","g","G",".3g","#.3g","%",".1%","f","F","015,.2f","s",".2s","^9s","q",",x",",_","5.","abc","=5","#c","+c",".2d","z.0f"]
cases = []
for e in exprs:
    v = eval(e)
    for s in specs:
        try:
            out = ["ok", format(v, s)]
        except Exception as ex:
            out = [type(ex).__name__, str(ex)]
        cases.append([e, s] + out)
reprs = ["None","True","False","[1, 'a', (2,), {'k': None}, set([1]), b'x']","()","(1,)","(1, 2)","set()","{}","[]","'it\\'s'","'say \"hi\"'","'both \\' \"'","'\\t\\n\\r\\x00\\x7f\\u00a0\\u200b\\U0001f600é\\\\'","b'a\\'\\x00\\xff\"'","b\"'\"","1e16","1e15","-0.0","1e-5","0.1+0.2","float('inf')","-float('inf')","float('nan')","1267650600228229401496703205376","[[1.0], {'a': [2.5]}]","{1: 'x', 'y': (None,)}","1e100","123456789012345678.0"]
rcases = [[e, repr(eval(e)), str(eval(e))] for e in reprs]
json.dump({"format": cases, "repr": rcases}, sys.stdout, indent=0, ensure_ascii=True)
