# ExceptionGroup.subgroup(type | tuple | predicate): keeps the matching leaves in the same nesting and message; None if nothing matches; the group itself if all match
import asyncio
def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        return "[" + e.message + ": " + ", ".join(leaves(s) for s in e.exceptions) + "]"
    return type(e).__name__ + "(" + str(e) + ")"
inner = ExceptionGroup("inner", [ValueError("v2"), TypeError("t1")])
eg = ExceptionGroup("outer", [ValueError("v1"), inner, KeyError("k")])
print("all:", leaves(eg))
print("ValueError:", leaves(eg.subgroup(ValueError)))
print("(TypeError, KeyError):", leaves(eg.subgroup((TypeError, KeyError))))
print("a predicate true for the group itself keeps it whole:", leaves(eg.subgroup(lambda e: not isinstance(e, KeyError))))
print("RuntimeError:", eg.subgroup(RuntimeError))
print("Exception is the whole group:", eg.subgroup(Exception) is eg)
print("predicate on messages:", leaves(eg.subgroup(lambda e: "1" in str(e))))
print("predicate matching the inner group:", leaves(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
sub = eg.subgroup(ValueError)
print("a new group, same message:", sub is not eg, sub.message, type(sub).__name__)
print("the leaves are the same objects:", sub.exceptions[0] is eg.exceptions[0])
