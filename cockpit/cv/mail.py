"""The e-mail that carries an anonymised CV, as a draft file (.eml) a mail client opens:
multipart, UTF-8, the CV attached as a Word document."""

from __future__ import annotations

import io
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def cv_docx(text: str) -> bytes:
    """The anonymised CV (as the caller corrected it) as a .docx, a paragraph a line."""
    import docx

    document = docx.Document()
    for line in text.strip().splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def cv_message(*, sender: str, to: str, subject: str, body: str, date: datetime,
               attachment_name: str, attachment: bytes) -> bytes:
    """The whole message; `X-Unsent: 1` makes mail clients open it as a draft to send."""
    message = EmailMessage()
    if sender:
        message["From"] = sender
    if to:
        message["To"] = " ".join(to.split())
    message["Subject"] = " ".join(subject.split())  # a header is one line
    message["Date"] = format_datetime(date)
    domain = sender.rpartition("@")[2] if "@" in sender else "cockpit.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    maintype, subtype = DOCX_TYPE
    message.add_attachment(attachment, maintype=maintype, subtype=subtype,
                           filename=attachment_name)
    return message.as_bytes()
