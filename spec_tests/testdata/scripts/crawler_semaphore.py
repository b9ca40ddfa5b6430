# crawler_semaphore: fetch ten fake pages, at most three at a time, then print a summary.
import asyncio

# url -> (seconds the fake fetch takes, size in KB); None: the page is missing
PAGES = {
    "/": (0.03, 12), "/about": (0.05, 4), "/blog": (0.02, 30), "/blog/1": (0.04, 18),
    "/blog/2": (0.01, 22), "/contact": (0.06, 2), "/old": None, "/docs": (0.03, 41),
    "/docs/api": (0.05, 57), "/faq": (0.02, 9),
}
LIMIT = 3

async def fetch(sem, url, active):
    async with sem:
        active[0] += 1
        active[1] = max(active[1], active[0])
        print("fetch", url)
        page = PAGES[url]
        await asyncio.sleep(page[0] if page else 0.02)
        active[0] -= 1
        if page is None:
            raise KeyError(url)
        return page[1]

async def main():
    sem = asyncio.Semaphore(LIMIT)
    active = [0, 0]
    urls = list(PAGES.keys())
    results = await asyncio.gather(return_exceptions=True, *[fetch(sem, u, active) for u in urls])
    ok = 0
    total = 0
    for url, r in zip(urls, results):
        if type(r) is int:
            ok += 1
            total += r
        else:
            print("failed:", url, type(r).__name__)
    print("%d pages fetched, %d failed, %d KB in all; at most %d at once" % (ok, len(urls) - ok, total, active[1]))

asyncio.run(main())
