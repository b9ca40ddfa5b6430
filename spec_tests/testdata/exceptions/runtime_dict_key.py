# a missing dict key is a KeyError (str is the key's repr), caught by KeyError, LookupError and Exception, not by IndexError
fruit = {"apple": 1}
try:
    fruit["kiwi"]
except KeyError as e:
    print("KeyError:", type(e).__name__, "|" + str(e) + "|")
try:
    fruit["kiwi"]
except LookupError as e:
    print("LookupError:", type(e).__name__, "|" + str(e) + "|")
try:
    fruit["kiwi"]
except Exception as e:
    print("Exception:", type(e).__name__)
try:
    try:
        fruit["kiwi"]
    except IndexError:
        print("never: IndexError")
except KeyError as e:
    print("not an IndexError; outer KeyError:", type(e).__name__)
print("still there:", fruit["apple"])
