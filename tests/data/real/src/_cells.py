"""Cell types of the transcriptions (see ../build.py)."""


class Num(str):
    """A number cell printed with the decimals it was published with ("238.93" → 0.00)."""

    def decimals(self) -> int:
        return len(self.partition(".")[2])


class Pct(str):
    """A percentage number cell ("86.20%" → 0.862 printed as 0.00%)."""

    def decimals(self) -> int:
        return len(self.rstrip("%").partition(".")[2])
