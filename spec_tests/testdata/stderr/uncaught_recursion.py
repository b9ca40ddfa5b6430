# unbounded recursion raises RecursionError; the traceback collapses the repeated frame into "[Previous line repeated N more times]"
def down(n):
    return down(n + 1)
print("going down")
down(0)
