# calling a def'd function with too many or too few arguments, an unexpected keyword or a repeated argument is TypeError
def area(width, height=1):
    return width * height
calls = [("too many", lambda: area(1, 2, 3)), ("missing", lambda: area()),
         ("unexpected keyword", lambda: area(2, depth=3)), ("repeated", lambda: area(2, width=3)),
         ("lambda too many", lambda: (lambda x: x)(1, 2))]
for name, call in calls:
    try:
        try:
            call()
        except ValueError:
            print("never: ValueError")
    except TypeError as e:
        print(name, "->", type(e).__name__)
    try:
        call()
    except Exception as e:
        print(name, "-> Exception handler:", e.__class__.__name__, isinstance(e, TypeError))
print(area(2), area(2, 3), area(height=4, width=5))
