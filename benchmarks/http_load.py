"""Closed-loop HTTP load with aiohttp: N clients, one connection each, for a bounded time.

Each client sends its next request as soon as the previous one answered (a user clicking as
fast as the server lets them), so throughput and latency show how many requests the server
really serves at once. Latency is measured per request, including any queueing in the server.
"""

from __future__ import annotations

import asyncio
import math
import re
import statistics
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp

REQUEST_TIMEOUT_S = 60
# One request: takes the client's session, returns the HTTP status.
Request = Callable[[aiohttp.ClientSession, int], Awaitable[int]]


@dataclass
class Run:
    clients: int
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, every answered request (409s too)
    statuses: Counter[int | str] = field(default_factory=Counter)
    server_cores: float = math.nan  # CPU the server's processes used, in cores (2.0 = both busy)
    client_cores: float = math.nan  # CPU this benchmark process used meanwhile

    @property
    def throughput(self) -> float:
        """Successful (2xx) requests per second: a refused save is not work done."""
        return self.ok / self.elapsed if self.elapsed else 0.0

    def percentile_ms(self, p: float) -> float:
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        rank = max(1, math.ceil(p / 100 * len(ordered)))  # nearest rank: p99 of 50 samples is the max
        return ordered[rank - 1] * 1000

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else math.nan

    @property
    def max_ms(self) -> float:
        return max(self.latencies) * 1000 if self.latencies else math.nan

    @property
    def ok(self) -> int:
        return sum(n for s, n in self.statuses.items() if isinstance(s, int) and 200 <= s < 300)


@dataclass(frozen=True)
class Login:
    base: str
    cookies: dict[str, str]

    @property
    def csrf(self) -> str:
        return self.cookies["csrftoken"]


def client(login: Login) -> aiohttp.ClientSession:
    """A signed-in client with exactly one connection (so N clients are N connections)."""
    jar = aiohttp.CookieJar(unsafe=True)  # unsafe: cookies for an IP address host (127.0.0.1)
    jar.update_cookies(login.cookies)
    return aiohttp.ClientSession(
        base_url=login.base,
        connector=aiohttp.TCPConnector(limit=1),
        cookie_jar=jar,
        headers={"X-CSRFToken": login.csrf, "Referer": f"{login.base}/"},
        timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S),
    )


async def sign_in(base: str, username: str, password: str) -> Login:
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as session:
        async with session.get(f"{base}/login/") as response:
            await response.read()
        csrf = _cookies(jar)["csrftoken"]
        form = {"username": username, "password": password, "csrfmiddlewaretoken": csrf}
        async with session.post(
            f"{base}/login/", data=form, headers={"Referer": f"{base}/login/"}
        ) as response:
            body = await response.text()
            if response.status != 200 or not re.search(r"log ?out", body, re.IGNORECASE):
                raise RuntimeError(f"sign-in as {username} failed: HTTP {response.status}")
        return Login(base=base, cookies=_cookies(jar))


def _cookies(jar: aiohttp.CookieJar) -> dict[str, str]:
    return {cookie.key: cookie.value for cookie in jar}


async def closed_loop(
    login: Login,
    clients: int,
    duration: float,
    request: Request,
    server_cpu: Callable[[], float] | None = None,
) -> Run:
    """Run ``clients`` clients for ``duration`` seconds; requests in flight at the end finish."""
    run = Run(clients=clients)
    sessions = [client(login) for _ in range(clients)]
    try:
        server_before, client_before = server_cpu() if server_cpu else math.nan, time.process_time()
        started = time.perf_counter()
        deadline = started + duration

        async def one(index: int) -> None:
            while time.perf_counter() < deadline:
                sent = time.perf_counter()
                try:
                    status: int | str = await request(sessions[index], index)
                except (aiohttp.ClientError, TimeoutError) as exc:
                    status = type(exc).__name__  # counted, not timed: it never answered
                else:
                    run.latencies.append(time.perf_counter() - sent)
                run.statuses[status] += 1

        await asyncio.gather(*(one(i) for i in range(clients)))
        run.elapsed = time.perf_counter() - started
        run.client_cores = (time.process_time() - client_before) / run.elapsed
        if server_cpu:
            run.server_cores = (server_cpu() - server_before) / run.elapsed
    finally:
        await asyncio.gather(*(s.close() for s in sessions))
    return run


async def get_status(session: aiohttp.ClientSession, path: str) -> int:
    async with session.get(path, allow_redirects=False) as response:
        await response.read()
        return response.status
