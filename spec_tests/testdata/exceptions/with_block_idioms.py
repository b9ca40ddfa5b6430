# what a with block does that a function cannot: names bound inside and used after, the as target used after the block, return and break out of the block
import asyncio
class Counter:
    def __init__(self):
        self.entered = 0
        self.exited = 0
    def __enter__(self):
        self.entered += 1
        return self
    def __exit__(self, exc_type, exc, tb):
        self.exited += 1
        return False
def names_after():
    with Counter():
        total = 6 * 7
        label = "answer"
    print(label, total)
def target_after():
    with Counter() as c:
        print("inside: entered", c.entered, "exited", c.exited)
    print("after: entered", c.entered, "exited", c.exited)
def early_return(items):
    for x in items:
        with Counter():
            if x > 2:
                return "found %d" % x
    return "none found"
def loop_break():
    c = Counter()
    seen = []
    for x in range(10):
        with c:
            if x == 3:
                break
            seen.append(x)
    print("seen", seen, "entered", c.entered, "exited", c.exited)
names_after()
target_after()
print(early_return([1, 2, 3, 4]), early_return([0]))
loop_break()
