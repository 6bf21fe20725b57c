from django.core.management.base import BaseCommand

from inovda.innovations.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Kirim surel pengingat batas pelaporan (7 hari, 1 hari, saat ditutup) ke pemda yang "
        "belum mengirim inovasi. Jalankan tiap jam; pengingat yang sama tidak dikirim dua kali."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} surel pengingat diantrekan.")
