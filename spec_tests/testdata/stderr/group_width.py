# a group of more than 15 sub-exceptions prints the first 15 and "and 3 more exceptions" under a "..." separator; sub-exceptions never raised have no traceback
raise ExceptionGroup("many", [ValueError(i) for i in range(18)])
