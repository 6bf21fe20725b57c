class AwardError(Exception):
    """A workflow step refused; the message is shown to the user as is (Bahasa Indonesia)."""


FROZEN = (
    "Hasil pleno sudah ditetapkan: tidak ada yang dapat diubah kecuali melalui revisi baru "
    "oleh admin nasional."
)


def require_open(award) -> None:
    if award.signed:
        raise AwardError(FROZEN)
