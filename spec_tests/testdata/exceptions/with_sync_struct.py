# with_ on a sync manager: __enter__'s value goes to the body, __exit__ gets three Nones, with_ returns the body's value
import asyncio
class Manager:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type is None, exc is None, tb is None)
        return False
def use(name):
    with Manager(name) as v:
        print("body got", v)
        return v + "!"
print("returned", use("a"))
def no_target():
    with Manager("b"):
        print("body without a target")
print("returned", no_target())
async def main():
    with Manager("c") as v:
        print("in a task:", v, asyncio.current_task().get_name())
        await asyncio.sleep(0)
        print("after a sleep inside the block")
    return v
print("run returned", asyncio.run(main()))
