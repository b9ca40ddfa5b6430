# a missing attribute on None is an AttributeError, caught by AttributeError and Exception, not by LookupError or TypeError
nothing = None
def get_attr():
    return nothing.name
def call_method():
    return nothing.append(1)
for name, op in [("attribute", get_attr), ("method", call_method)]:
    try:
        op()
    except AttributeError as e:
        print(name, "AttributeError:", type(e).__name__)
    try:
        try:
            op()
        except (LookupError, TypeError):
            print("never: LookupError or TypeError")
    except Exception as e:
        print(name, "Exception:", type(e).__name__, isinstance(e, AttributeError))
