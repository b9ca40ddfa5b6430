# a TaskGroup child may add more children to its group; the group waits for the late ones too (a small crawl)
import asyncio
LINKS = {"/": ["/a", "/b"], "/a": ["/a/1"], "/b": ["/b/1", "/b/2"], "/a/1": [], "/b/1": [], "/b/2": ["/b/2/x"], "/b/2/x": []}
async def crawl(tg, url, seen):
    await asyncio.sleep(0.01)
    seen.append(url)
    for link in LINKS[url]:
        tg.create_task(crawl(tg, link, seen))
async def main():
    seen = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crawl(tg, "/", seen))
    print("crawled", len(seen), "pages:", " ".join(seen))
asyncio.run(main())
