# groups nested deeper than 10 print "... (max_group_depth is 10)" in place of the deepest ones; a 16th sub-exception prints "and 1 more exception"
eg = ExceptionGroup("level 0", [ValueError("leaf")])
for i in range(1, 13):
    eg = ExceptionGroup(f"level {i}", [eg])
raise ExceptionGroup("wide", [eg] + [KeyError(i) for i in range(15)])
