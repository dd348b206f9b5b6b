#!/usr/bin/env python
"""Build the dev-c evaluation corpus (Harbourline Logistics / RouteWise).

Generates, deterministically, into the folder containing this script:
  contract-schedule.docx
  dpia-draft.docx
  security-questionnaire-response.pdf
  steering-minutes.pdf
  controls-tracker.csv

Run with:  /work/main/.venv/bin/python build_corpus.py
All timestamps are fixed, so repeated runs produce byte-identical files.
"""

import csv
import datetime as dt
import io
import os
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Cm

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)


def H2(text, need=32):
    """Section heading that never sits alone at the foot of a page."""
    return [CondPageBreak(need * mm), Paragraph(px(text), S_H2)]

OUT = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def set_core(doc, title, author, subject, created, modified, revision,
             keywords="", comments="", category=""):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = subject
    cp.keywords = keywords
    cp.comments = comments
    cp.category = category
    cp.created = created
    cp.modified = modified
    cp.last_printed = modified
    cp.revision = revision
    cp.language = "en-GB"
    cp.content_status = ""
    cp.identifier = ""
    cp.version = ""


def save_docx_deterministic(doc, path, stamp):
    """Save a python-docx Document and rewrite the zip with fixed member
    timestamps and attributes so the bytes do not depend on the clock."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin:
        members = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data, compresslevel=6)
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


def base_doc(font="Calibri", size=10.5):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    for s in doc.sections:
        s.left_margin = Cm(2.3)
        s.right_margin = Cm(2.3)
        s.top_margin = Cm(2.0)
        s.bottom_margin = Cm(2.0)
    return doc


def bold_para(doc, text, size=None, space_before=10, align=None):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.bold = True
    if size:
        r.font.size = Pt(size)
    p.paragraph_format.space_before = Pt(space_before)
    p.paragraph_format.space_after = Pt(4)
    p.paragraph_format.keep_with_next = True
    if align is not None:
        p.alignment = align
    return p


def para(doc, text, indent=0.0, italic=False, space_after=4):
    p = doc.add_paragraph()
    r = p.add_run(text)
    r.italic = italic
    if indent:
        p.paragraph_format.left_indent = Cm(indent)
    p.paragraph_format.space_after = Pt(space_after)
    return p


def clause(doc, num, text, indent=0.0):
    """A numbered paragraph written the way lawyers do it by hand:
    the number is typed, not a Word list."""
    p = doc.add_paragraph()
    p.add_run(num + "\t")
    p.add_run(text)
    p.paragraph_format.left_indent = Cm(1.2 + indent)
    p.paragraph_format.first_line_indent = Cm(-1.2)
    p.paragraph_format.space_after = Pt(4)
    return p


def add_table(doc, header, rows, widths=None, font_size=9, caption=None):
    if caption:
        cp = doc.add_paragraph()
        cr = cp.add_run(caption)
        cr.italic = True
        cr.font.size = Pt(9)
        cp.paragraph_format.space_after = Pt(2)
        cp.paragraph_format.keep_with_next = True
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for i, h in enumerate(header):
        c = t.rows[0].cells[i]
        c.text = ""
        r = c.paragraphs[0].add_run(h)
        r.bold = True
        r.font.size = Pt(font_size)
    for row in rows:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = ""
            r = cells[i].paragraphs[0].add_run(v)
            r.font.size = Pt(font_size)
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)
    return t


def px(text):
    """Escape text for a reportlab Paragraph."""
    return escape(text)


# ---------------------------------------------------------------------------
# 1. contract-schedule.docx
# ---------------------------------------------------------------------------

def build_contract():
    doc = base_doc("Arial", 10)
    set_core(
        doc,
        title="Order Form No. 1 and Schedule 2 - RouteWise - Execution Version",
        author="Aisling Moran",
        subject="Cadence Fleet UK Ltd / Harbourline Logistics Ltd - MSA CF-MSA-0417",
        created=dt.datetime(2026, 12, 9, 16, 42, 0),
        modified=dt.datetime(2026, 12, 18, 11, 5, 0),
        revision=14,
        keywords="RouteWise; Cadence; order form; DPA; execution",
        comments="Execution version. Supersedes drafts v1-v4.",
        category="Contract",
    )

    bold_para(doc, "ORDER FORM No. 1", size=14, space_before=0,
              align=WD_ALIGN_PARAGRAPH.CENTER)
    bold_para(doc, "and SCHEDULE 2 (SERVICES, SERVICE LEVELS AND DATA PROCESSING)",
              size=11, space_before=0, align=WD_ALIGN_PARAGRAPH.CENTER)
    p = para(doc, "to the Master Subscription and Services Agreement reference "
             "CF-MSA-0417 dated 18 December 2026 (the \u201cAgreement\u201d)")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    bold_para(doc, "EXECUTION VERSION \u2013 COMMERCIAL IN CONFIDENCE", size=10,
              space_before=4, align=WD_ALIGN_PARAGRAPH.CENTER)

    para(doc, "THIS ORDER FORM is made on the date of the last signature below BETWEEN:")
    clause(doc, "(1)", "HARBOURLINE LOGISTICS LTD (company number 04417392), Harbourline "
           "House, Winwick Quay, Warrington WA2 8LT (\u201cCustomer\u201d); and")
    clause(doc, "(2)", "CADENCE FLEET UK LTD (company number 12988051), Suite 4.02, "
           "11 Portland Street, Manchester M1 3HU (\u201cSupplier\u201d), a wholly owned "
           "subsidiary of Cadence Fleet Inc., a Delaware corporation based in Austin, Texas "
           "(\u201cCadence Parent\u201d).")
    para(doc, "Document control. This execution version supersedes all previous drafts "
         "exchanged between the parties, including draft v3 dated 21 November 2026 and "
         "draft v4 dated 9 December 2026, and the non-binding term sheet dated 2 October "
         "2026. Where the Supplier\u2019s response to Customer\u2019s third-party security "
         "questionnaire (response version 1.1 dated 16 October 2026) or any other "
         "pre-contractual statement is inconsistent with this Order Form, this Order Form "
         "prevails.", italic=True)

    # 1
    bold_para(doc, "1.\tInterpretation")
    clause(doc, "1.1", "Capitalised terms not defined here have the meanings given in the "
           "Agreement. Part C prevails over the rest of this Order Form, which prevails over "
           "the Agreement and the Documentation.")
    clause(doc, "1.2", "\u201cCustomer Affiliate\u201d includes Harbourline Logistics "
           "(Ireland) DAC (company number 611842, Ballycoolin, Dublin 15), which may receive "
           "the Services and is a controller in its own right for its employees and customers.")
    clause(doc, "1.3", "\u201cPilot Sites\u201d means Customer\u2019s depots at Warrington "
           "(Winwick Quay) and Dublin (Ballycoolin). \u201cPilot Start Date\u201d means "
           "12 January 2027. \u201cNational Roll-out\u201d means deployment of the Services "
           "to Customer\u2019s remaining depots in Great Britain, Northern Ireland and "
           "Ireland (including Cork), planned to commence on 1 June 2027 (the \u201cTarget "
           "Roll-out Date\u201d), subject to paragraph 10.4.")

    # 2
    bold_para(doc, "2.\tKey Commercial Terms")
    para(doc, "Table 1 is for convenience only; paragraphs 3 to 12 govern.")
    add_table(doc, ["Term", "Agreed position"], [
        ["Effective Date", "1 January 2027"],
        ["Initial Term", "36 months from the Effective Date, ending 31 December 2029"],
        ["Renewal", "Successive 12-month periods; 90 days\u2019 notice of non-renewal"],
        ["Subscription Fees", "\u00a32,184,000 per Contract Year (excl. VAT), up to 2,000 "
                              "Vehicle Licences"],
        ["Additional Vehicle Licences", "\u00a31,092 each per Contract Year"],
        ["Implementation Fees", "\u00a3365,000 fixed, payable against Milestones M1\u2013M4"],
        ["SafeDrive hardware", "DC-4 dual-lens unit \u00a3189 per unit; installation "
                               "\u00a346 per vehicle"],
        ["Hosting", "Microsoft Azure UK South (primary); UK West (disaster recovery)"],
        ["RPO / RTO", "1 hour / 8 hours (included in Subscription Fees)"],
        ["Breach notification", "Within 24 hours of Supplier becoming aware"],
        ["General liability cap", "150% of Fees paid and payable in the preceding 12 months"],
        ["Data protection cap", "\u00a35,000,000 aggregate per Contract Year"],
    ], widths=[4.5, 11.5], caption="Table 1 \u2013 Key commercial terms")

    # 3
    bold_para(doc, "3.\tServices")
    clause(doc, "3.1", "Supplier shall provide the RouteWise platform (release 26.12 or "
           "later) comprising:")
    clause(doc, "(a)", "RouteWise Optimise \u2013 route planning and in-day re-sequencing "
           "(Horizon-RO version 4.2 at the Effective Date);", indent=0.8)
    clause(doc, "(b)", "RouteWise SafeDrive \u2013 in-cab telematics, forward- and "
           "driver-facing cameras (DC-4 unit) and driving behaviour scoring;", indent=0.8)
    clause(doc, "(c)", "RouteWise Converse \u2013 a delivery assistant on Customer\u2019s "
           "website and WhatsApp, using a large language model supplied by Lumen Labs Inc. "
           "(at the Effective Date, Lyra-2 Turbo); and", indent=0.8)
    clause(doc, "(d)", "RouteWise Courier \u2013 proof-of-delivery app for Android "
           "(photographs, electronic signatures, recipient names).", indent=0.8)
    clause(doc, "3.2", "Supplier shall build and maintain integrations with SAP S/4HANA "
           "(cost centres; HR master data limited to employee number, name, depot, role and "
           "employment status), Microsoft Entra ID (SAML 2.0 SSO, SCIM 2.0), Customer\u2019s "
           "tracking portal (REST API) and Twilio (SMS and WhatsApp, under Supplier\u2019s "
           "account).")
    clause(doc, "3.3", "SafeDrive configuration. Notwithstanding the default configuration "
           "in the Documentation, Supplier shall configure SafeDrive as follows and shall not "
           "change it without Customer\u2019s prior written consent:")
    clause(doc, "(a)", "the forward-facing lens records continuously to the in-cab "
           "unit\u2019s local storage on a loop of not more than 72 hours; forward-facing "
           "footage is uploaded only as part of a Triggered Event clip or on a request by an "
           "authorised Customer user in connection with a specific incident;", indent=0.8)
    clause(doc, "(b)", "the driver-facing lens shall record only on a Triggered Event, "
           "capturing 10 seconds before and 20 seconds after the trigger. The driver-facing "
           "lens shall not record continuously, and no continuous driver-facing footage "
           "shall be stored on the unit or uploaded;", indent=0.8)
    clause(doc, "(c)", "audio capture shall be disabled in firmware on all channels and no "
           "audio shall be recorded;", indent=0.8)
    clause(doc, "(d)", "\u201cTriggered Event\u201d means harsh braking, acceleration or "
           "cornering above the Configuration Workbook thresholds, a collision, handheld phone "
           "use or a fatigue alert;", indent=0.8)
    clause(doc, "(e)", "the Driver ID facial matching feature shall not be enabled for "
           "Customer\u2019s tenant. Fatigue and distraction detection runs on the in-cab unit "
           "by estimating head pose and eye state in real time, and Supplier warrants that "
           "no facial templates or other data allowing the unique identification of a "
           "driver from facial features are generated, retained or transmitted; and",
           indent=0.8)
    clause(doc, "(f)", "Supplier shall make available by 31 March 2027 a private use mode "
           "which suspends location capture outside rostered hours for vehicles kept at "
           "drivers\u2019 homes. Until it is available, Supplier shall configure roles so that "
           "out-of-hours location data is not visible to depot users.", indent=0.8)
    clause(doc, "3.4", "Supplier shall not use Customer Data to train models made available "
           "to other customers (\u201cPooled Training\u201d) unless Customer opts in in "
           "writing. Customer has not opted in, and no Fee adjustment applies.")
    clause(doc, "3.5", "Supplier shall give 30 days\u2019 notice, with its prompt-injection "
           "test results, before changing the model or model version used by RouteWise "
           "Converse. A change of model provider is a change of Sub-processor.")

    # 4
    bold_para(doc, "4.\tService Levels")
    clause(doc, "4.1", "Service Levels are measured monthly, excluding planned maintenance "
           "notified 5 Business Days ahead and carried out between 00:00 and 04:00 UK time on "
           "Sundays (maximum 4 hours a month).")
    add_table(doc, ["Service", "Metric", "Service Level"], [
        ["RouteWise Optimise", "Availability", "99.9%"],
        ["RouteWise Optimise", "Route plans published by 05:30 local time",
         "99% of Operating Days"],
        ["RouteWise Courier (back-end)", "Availability", "99.9%"],
        ["RouteWise SafeDrive (portal and ingestion)", "Availability", "99.5%"],
        ["RouteWise Converse", "Availability", "99.5%"],
        ["Support \u2013 Priority 1", "Response / target resolution",
         "15 minutes / 4 hours, 24x7"],
        ["Support \u2013 Priority 2", "Response / target resolution",
         "1 hour / 8 hours, 24x7"],
        ["Support \u2013 Priority 3", "Response / target resolution",
         "4 Business Hours / 5 Business Days"],
        ["Disaster recovery", "RPO / RTO", "1 hour / 8 hours"],
    ], widths=[5.5, 6.0, 4.5], caption="Table 2 \u2013 Service Levels")
    clause(doc, "4.2", "Service credits (percentage of the monthly fee for the affected "
           "module): for 99.9% modules, 5% below 99.9%, 10% below 99.5%, 20% below 99.0%; for "
           "99.5% modules the bands are 99.5%, 99.0% and 98.5%. Credits are capped at 25% of "
           "monthly Subscription Fees and count towards the cap in paragraph 8.2.")
    clause(doc, "4.3", "A \u201cCritical Service Level Failure\u201d occurs if availability of "
           "RouteWise Optimise or RouteWise Courier falls below 99.0% in any three "
           "consecutive months or in any four months in a rolling 12-month period.")
    clause(doc, "4.4", "Supplier shall test failover from UK South to UK West at least once "
           "in each Contract Year, the first test to take place before the National "
           "Roll-out and in any event by 31 March 2027, and shall provide the test report "
           "within 10 Business Days. The RPO and RTO in Table 2 replace the values of 4 "
           "hours and 24 hours stated in Supplier\u2019s questionnaire response, and no "
           "separate \u201cDR Premium\u201d charge applies.")
    clause(doc, "4.5", "Supplier provides 24x7 support in English from Manchester and "
           "Austin and, for out-of-hours first-line triage, through its subcontractor "
           "Bayanihan Support Services Inc. in Manila, Philippines. Access by support "
           "personnel to Customer Data is governed by paragraph 6.9.")

    # 5
    bold_para(doc, "5.\tFees and Payment")
    clause(doc, "5.1", "The Subscription Fees include up to 1,200,000 Conversations per "
           "Contract Year (the \u201cIncluded Volume\u201d). Conversations above the Included "
           "Volume are charged at \u00a30.11 each, invoiced quarterly in arrears. A "
           "\u201cConversation\u201d is a session with RouteWise Converse that ends after 30 "
           "minutes of inactivity.")
    clause(doc, "5.2", "For the period from the Effective Date to 31 May 2027 (the "
           "\u201cPilot Period\u201d) the Subscription Fees are reduced to 35% of the pro-rata "
           "annual amount, being \u00a3318,500. If the National Roll-out is deferred under "
           "paragraph 10.4 for a reason attributable to Supplier, the reduced rate continues "
           "until the National Roll-out commences.")
    clause(doc, "5.3", "Implementation Fees are payable on achievement of the following "
           "Milestones: M1 design sign-off, 20% (\u00a373,000); M2 go-live at both Pilot "
           "Sites, 30% (\u00a3109,500); M3 pilot exit criteria met, 20% (\u00a373,000); and "
           "M4 National Roll-out complete, 30% (\u00a3109,500).")

    # 6
    bold_para(doc, "6.\tPart C \u2013 Data Processing Schedule")
    clause(doc, "6.1", "Customer and each Customer Affiliate are controllers and Supplier is "
           "a processor, acting only on Customer\u2019s documented instructions (this Order "
           "Form, the Configuration Workbook and instructions given through the Services).")
    clause(doc, "6.2", "Duration: the term and any exit period. Purposes: route planning; "
           "driver safety, coaching and incident investigation; delivery enquiries; proof of "
           "delivery and claims; user administration; support.")
    clause(doc, "6.3", "Data subjects: (a) Customer\u2019s drivers, including employees, "
           "agency workers and owner-driver subcontractors; (b) depot and head office staff "
           "who are Named Users; (c) parcel recipients and senders; (d) members of the "
           "public using RouteWise Converse; and (e) other road users and pedestrians "
           "incidentally captured by forward-facing cameras.")
    clause(doc, "6.4", "Personal data: driver name, employee or contractor number, depot "
           "and roster; vehicle and handset identifiers; GPS location (every 10 seconds while "
           "the ignition is on), speed, braking and idling events; driving scores and coaching "
           "notes; event clips (video, no audio); recipient and sender names, addresses, "
           "telephone numbers and email addresses; delivery instructions; POD photographs and "
           "signatures; chatbot transcripts and WhatsApp numbers; Entra ID identifiers.")
    clause(doc, "6.5", "The parties do not intend that Special Category Data be processed. "
           "Event clips showing a possible offence shall be used only for safety, insurance "
           "and legal claims, with restricted access.")
    clause(doc, "6.6", "Retention. Supplier shall apply the following retention periods "
           "automatically, after which data shall be deleted or irreversibly anonymised:")
    for code, txt in [
        ("(a)", "raw GPS and telematics data: 12 months;"),
        ("(b)", "driving behaviour scores: 24 months on a rolling basis;"),
        ("(c)", "SafeDrive event clips: 30 days from upload, unless flagged by Customer for "
                "an incident, claim or investigation, in which case until the flag is "
                "removed and no longer than 12 months within the Services;"),
        ("(d)", "forward-facing local loop on the in-cab unit: 72 hours (overwritten);"),
        ("(e)", "proof-of-delivery photographs: 90 days; electronic signatures and delivery "
                "records: 24 months;"),
        ("(f)", "RouteWise Converse transcripts held by Supplier: 90 days;"),
        ("(g)", "conversation content held by Lumen Labs Inc.: no longer than 30 days, for "
                "abuse monitoring only. Supplier shall use all reasonable endeavours to "
                "obtain zero data retention for Customer\u2019s traffic by 31 May 2027 and "
                "shall notify Customer in writing when it takes effect; and"),
        ("(h)", "support tickets: 36 months from closure."),
    ]:
        clause(doc, code, txt, indent=0.8)
    clause(doc, "6.7", "Customer Personal Data shall be stored at rest only in Microsoft "
           "Azure UK South and UK West. Supplier shall not move Customer Data to any other "
           "region, including US East, without Customer\u2019s prior written consent.")
    clause(doc, "6.8", "Customer authorises the Sub-processors in Table 3. Supplier shall "
           "give 30 days\u2019 notice of any addition or replacement; if Customer\u2019s "
           "reasonable objection is not resolved within 30 days Customer may terminate the "
           "affected module without an early termination fee.")
    add_table(doc, ["Sub-processor", "Service", "Location of processing",
                    "Transfer mechanism"], [
        ["Microsoft Ireland Operations Ltd (Azure)", "Hosting, storage, backup and DR",
         "UK South (London); UK West (Cardiff)", "None required (UK)"],
        ["Cadence Fleet Inc.", "Second- and third-line support; platform engineering",
         "USA (Austin, Texas) \u2013 remote access only", "UK IDTA; EU SCCs Module 3"],
        ["Bayanihan Support Services Inc.", "Out-of-hours first-line support triage",
         "Philippines (Manila) \u2013 remote access only",
         "UK Addendum to EU SCCs; EU SCCs Module 3; supplementary measures"],
        ["Lumen Labs Inc.", "Large language model inference for RouteWise Converse",
         "USA", "EU-US Data Privacy Framework and UK Extension; SCCs as fallback"],
        ["Twilio Inc. / Twilio Ireland Ltd", "SMS and WhatsApp message delivery",
         "EEA and USA", "Binding Corporate Rules"],
        ["Functional Software Inc. (Sentry)", "Application error monitoring "
         "(pseudonymised device and user IDs only)", "USA", "UK IDTA; EU SCCs Module 3"],
    ], widths=[4.0, 4.4, 3.8, 3.8], font_size=8.5,
       caption="Table 3 \u2013 Authorised Sub-processors at the Effective Date")
    clause(doc, "6.9", "International transfers and support access. Remote access from the "
           "USA and the Philippines is a restricted transfer. Supplier has completed a "
           "transfer risk assessment for the USA and shall deliver its transfer risk "
           "assessment for the Philippines by 20 December 2026. Bayanihan personnel may "
           "access Customer Data only on a just-in-time, read-only basis, limited to records "
           "linked to an open ticket (which may include proof-of-delivery photographs and "
           "event clips), through a virtual desktop hosted in UK South with download, copy "
           "and print disabled and sessions recorded. Conversation content sent to Lumen "
           "Labs Inc. is processed in the USA.")
    clause(doc, "6.10", "Supplier shall notify Customer of any Personal Data Breach without "
           "undue delay and in any event within 24 hours of becoming aware of it, with updates "
           "every 24 hours until contained, and shall not notify any regulator or data "
           "subject without Customer\u2019s written approval.")
    clause(doc, "6.11", "Return and deletion. On termination or expiry Supplier shall, within "
           "60 days, return Customer Data in CSV or JSON format (video as MP4) and shall "
           "delete it within 30 days after return. Backups shall be overwritten within 35 "
           "days thereafter. Supplier shall certify deletion in writing.")

    # 7
    bold_para(doc, "7.\tSecurity and Penetration Testing")
    clause(doc, "7.1", "Supplier shall maintain ISO/IEC 27001:2022 certification for the "
           "scope covering the Services and shall obtain an annual SOC 2 Type II report.")
    clause(doc, "7.2", "Supplier shall remediate the findings in the penetration test report "
           "commissioned by Customer from Quarry Hill Security Ltd (reference QHS-2611-HL, "
           "dated 20 November 2026) as follows: (a) the Critical finding QHS-C1 shall be "
           "remediated and successfully retested before the Pilot Start Date; (b) High "
           "findings QHS-H1 and QHS-H2 shall be remediated by 31 January 2027, and QHS-H3 "
           "(legacy TLS versions accepted by the telematics ingestion endpoint) by 28 "
           "February 2027; and (c) Medium findings within 90 days of the report date. "
           "RouteWise Converse shall not be made available to the public until QHS-H1 has "
           "been retested successfully.")

    # 8
    bold_para(doc, "8.\tLiability")
    clause(doc, "8.1", "Nothing in the Agreement limits or excludes liability for death or "
           "personal injury caused by negligence, for fraud or fraudulent misrepresentation, "
           "or for any other liability which cannot lawfully be limited.")
    clause(doc, "8.2", "Subject to paragraphs 8.1 and 8.3, each party\u2019s total aggregate "
           "liability in each Contract Year shall not exceed 150% of the Fees paid and "
           "payable in the 12 months preceding the event giving rise to the claim or, for "
           "claims arising in the first Contract Year, \u00a33,276,000.")
    clause(doc, "8.3", "Supplier\u2019s liability for breach of Part C, of Data Protection "
           "Legislation or of its confidentiality obligations in respect of Customer Data "
           "is subject to a separate cap of \u00a35,000,000 in aggregate per Contract Year, "
           "in addition to the cap in paragraph 8.2.")
    clause(doc, "8.4", "Notification costs, credit monitoring, forensic investigation, "
           "reasonable legal costs and, where lawfully recoverable, regulatory fines are "
           "recoverable direct losses.")

    # 9
    bold_para(doc, "9.\tTerm and Renewal")
    clause(doc, "9.1", "After the Initial Term this Order Form renews automatically for "
           "12-month periods unless either party gives at least 90 days\u2019 written notice. "
           "The 180-day period in clause 14.2 of Supplier\u2019s standard terms does not apply.")

    # 10
    bold_para(doc, "10.\tTermination")
    clause(doc, "10.1", "Customer may terminate for convenience with effect from any date on "
           "or after 31 December 2028 by giving not less than 6 months\u2019 written notice, "
           "subject to payment of an early termination fee equal to 40% of the Subscription "
           "Fees that would have been payable for the remainder of the Initial Term.")
    clause(doc, "10.2", "Either party may terminate on written notice if the other commits a "
           "material breach which is not remedied within 30 days of notice, or suffers an "
           "insolvency event.")
    clause(doc, "10.3", "Customer may terminate with immediate effect and without an early "
           "termination fee if: (a) Supplier or Cadence Parent undergoes a change of control "
           "in favour of a Competitor; (b) Supplier\u2019s ISO/IEC 27001 certification is "
           "withdrawn and not restored within 90 days; (c) a Critical Service Level Failure "
           "occurs; or (d) the National Roll-out Conditions are not satisfied by 30 "
           "September 2027.")
    clause(doc, "10.4", "The National Roll-out Conditions are: (i) remediation and "
           "successful retest of all Critical and High findings under paragraph 7.2; (ii) a "
           "successful DR test under paragraph 4.4; (iii) approval of Customer\u2019s data "
           "protection impact assessment by Customer\u2019s Data Protection Officer; (iv) zero "
           "data retention by Lumen Labs Inc. being in effect, unless Customer waives this "
           "condition in writing; and (v) the pilot exit criteria in the Implementation Plan "
           "being met. If a condition is not met for a reason attributable to Supplier, the "
           "Target Roll-out Date is deferred day for day. Customer may defer the Target "
           "Roll-out Date for its own reasons by up to 90 days without charge.")
    clause(doc, "10.5", "Supplier shall provide up to 6 months\u2019 exit assistance at the "
           "Annex 3 rates, and paragraph 6.11 applies.")

    # 11
    bold_para(doc, "11.\tInsurance")
    clause(doc, "11.1", "Supplier shall maintain: professional indemnity and technology "
           "errors and omissions insurance of \u00a310,000,000 each and every claim; cyber "
           "insurance of \u00a310,000,000 in the aggregate; public liability \u00a35,000,000; "
           "employers\u2019 liability \u00a310,000,000; and product liability \u00a35,000,000 "
           "for SafeDrive hardware, and shall provide certificates on signature and renewal.")

    # 12
    bold_para(doc, "12.\tSpecial Conditions")
    clause(doc, "12.1", "Paragraph 3.3 reflects Customer\u2019s agreement with Unite the "
           "Union and its consultation with the Customer Affiliate\u2019s works council. "
           "Supplier shall attend up to four consultation meetings at no charge.")
    clause(doc, "12.2", "Cadence Parent shall deliver a parent company guarantee in the form "
           "at Annex 2 on signature of this Order Form.")
    clause(doc, "12.3", "Key personnel: Jordan Ellis (Account Executive) as commercial lead "
           "and Maria Alvarez (Chief Information Security Officer, Cadence Parent) as "
           "security escalation point. Supplier shall not replace key personnel without "
           "reasonable prior notice.")

    bold_para(doc, "Signed by the parties\u2019 authorised signatories")
    add_table(doc, ["", "Harbourline Logistics Ltd", "Cadence Fleet UK Ltd"], [
        ["Signature", "[signed]", "[signed]"],
        ["Name", "Priya Nair", "Grant Whitfield"],
        ["Title", "Chief Operating Officer", "Managing Director"],
        ["Date", "18 December 2026", "17 December 2026"],
        ["Witnessed / approved", "Denise Okafor, Head of Procurement", "Jordan Ellis, Account Executive"],
    ], widths=[3.5, 6.25, 6.25])
    para(doc, "Prepared by Aisling Moran, Senior Commercial Counsel, Harbourline Legal. "
         "Annexes 1 (Configuration Workbook), 2 (Parent Company Guarantee) and 3 (Rate Card) "
         "are held separately.", italic=True)

    save_docx_deterministic(doc, os.path.join(OUT, "contract-schedule.docx"),
                            (2026, 12, 18, 11, 5, 0))


# ---------------------------------------------------------------------------
# 2. dpia-draft.docx
# ---------------------------------------------------------------------------

def build_dpia():
    doc = base_doc("Calibri", 10.5)
    set_core(
        doc,
        title="DPIA - RouteWise fleet operations platform - DRAFT v0.5",
        author="Niamh Brennan",
        subject="Data Protection Impact Assessment - RouteWise (Cadence Fleet)",
        created=dt.datetime(2026, 8, 12, 9, 15, 0),
        modified=dt.datetime(2026, 12, 4, 17, 48, 0),
        revision=23,
        keywords="DPIA; RouteWise; SafeDrive; Converse; Courier; draft",
        comments="Draft for DPO review. Not approved.",
        category="Data Protection",
    )

    doc.add_heading("Data Protection Impact Assessment: RouteWise", level=0)
    para(doc, "Harbourline Logistics Ltd and Harbourline Logistics (Ireland) DAC")
    para(doc, "DRAFT v0.5 \u2013 4 December 2026 \u2013 for DPO review, not approved",
         italic=True)
    add_table(doc, ["Version", "Date", "Author", "Summary of change"], [
        ["0.1", "12 Aug 2026", "N. Brennan", "Screening questions; DPIA required (systematic "
         "monitoring of employees, new technology, large scale)"],
        ["0.2", "9 Sep 2026", "N. Brennan", "Data flows from Cadence discovery workshop"],
        ["0.3", "2 Oct 2026", "N. Brennan", "SafeDrive section written on the basis of "
         "continuous driver-facing recording (SG-05/03)"],
        ["0.4", "30 Oct 2026", "N. Brennan", "Added Cadence questionnaire response v1.1; "
         "transfers section; retention table"],
        ["0.5", "4 Dec 2026", "N. Brennan", "Updated for Steering Group 7 decisions "
         "(event-triggered recording, 90-day transcripts); pen test; open items"],
    ], widths=[1.5, 2.3, 2.3, 9.9])
    para(doc, "Owner: Siobh\u00e1n Gallagher, Data Protection Officer. Prepared by: Niamh "
         "Brennan, Privacy Analyst, Office of the DPO. Contributors: Tom Ashworth "
         "(Information Security), Marcus Hale (Fleet Operations), Sarah Kinsella "
         "(Employee Relations), Gr\u00e1inne Walsh (People, Ireland).")

    doc.add_heading("1. Purpose and scope", level=1)
    para(doc, "This DPIA covers Harbourline\u2019s use of RouteWise, the fleet operations "
         "platform supplied by Cadence Fleet UK Ltd (with its parent Cadence Fleet Inc.), "
         "across all four modules: Optimise (route planning), SafeDrive (telematics and "
         "cameras), Converse (customer chatbot) and Courier (proof of delivery). It covers "
         "the pilot at Warrington and Dublin from 12 January 2027 and the national "
         "roll-out, currently planned for 1 June 2027. Because the Irish entity is a "
         "controller for its own drivers and customers, the assessment is written to meet "
         "both UK GDPR (ICO) and the GDPR as applied in Ireland (Data Protection "
         "Commission). Where the two differ we say so.")
    para(doc, "We concluded at screening that a DPIA is mandatory: the processing involves "
         "systematic monitoring of around 2,300 drivers, innovative technology (in-cab "
         "AI and a large language model), and large-scale processing of recipients\u2019 "
         "addresses (roughly 410,000 consignments a day at peak). A DPIA is also a "
         "National Roll-out Condition in the draft contract.")
    para(doc, "What this version does not yet cover: the proposed change of chatbot model "
         "(Lyra-2 Turbo to Lyra-3, mentioned by Cadence at SG7) and anything to do with "
         "owner-driver subcontractors in Northern Ireland, whose contracts are being "
         "reviewed separately.")

    doc.add_heading("2. Description of the processing", level=1)
    doc.add_heading("2.1 Modules in scope", level=2)
    para(doc, "Optimise. Each night the Horizon route optimisation model (Horizon-RO v4.2) "
         "builds the next day\u2019s routes from consignment data pulled from the tracking "
         "portal and driver availability pulled from SAP. During the day it re-sequences "
         "stops using live GPS from the vans. Drivers are identified in Optimise by "
         "employee number and name.")
    para(doc, "SafeDrive. Each van gets a DC-4 dual-lens unit. Following Steering Group "
         "decision SG-07/02 (26 November 2026), which supersedes SG-05/03 and the "
         "description in v0.3 of this DPIA, the configuration is: forward-facing lens "
         "recording continuously to a local 72-hour loop; driver-facing lens recording only "
         "when an event is triggered, with a short buffer before and after (Cadence have "
         "quoted both 10s/20s and 15s/15s \u2013 TBC, see open item 3); no audio on any "
         "channel. Events are harsh braking, harsh acceleration or cornering, collision, "
         "phone use, and fatigue alerts from the driver monitoring model (SafeDrive DMS "
         "v3.1). Scores are built from the telematics and events and are visible to the "
         "driver, their Safety Coach and, in aggregate only, depot managers.")
    para(doc, "Converse. The chatbot sits on harbourline.co.uk and on WhatsApp (via "
         "Twilio). It calls the tracking portal API to answer \u201cwhere is my parcel\u201d "
         "and to rebook deliveries, and sends the conversation to Lumen Labs\u2019 Lyra-2 "
         "Turbo model through Cadence\u2019s integration. A customer has to give a tracking "
         "number and, after the pen test, a postcode before any delivery detail is shown.")
    para(doc, "Courier. Drivers use the Courier app (v5.3) on Zebra TC58 handsets to take "
         "a photo at the door, capture a signature on glass and record the recipient\u2019s "
         "name. The app holds photos in an encrypted sandbox until upload, then deletes "
         "them from the handset.")

    doc.add_heading("2.2 Data subjects", level=2)
    for t in [
        "Drivers: approximately 2,300 (employees, agency drivers, and a small number of "
        "owner-drivers); around 310 of these in the two pilot depots.",
        "Depot and head office staff who log in through Entra ID SSO: about 650 Named Users.",
        "Parcel recipients and senders (consumers and business contacts).",
        "Members of the public using the chatbot, who may not be customers at all.",
        "Third parties captured by forward-facing cameras: other drivers, cyclists, "
        "pedestrians, and occasionally people at the door when a POD photo is taken.",
    ]:
        doc.add_paragraph(t, style="List Bullet")

    doc.add_heading("2.3 Personal data", level=2)
    para(doc, "Drivers: name, employee number, depot, role, shift pattern (from SAP); "
         "handset ID; vehicle registration; GPS location every 10 seconds while the "
         "ignition is on; speed; acceleration and braking; idling; event clips; "
         "driving scores; coaching notes; fatigue alerts.")
    para(doc, "Customers and recipients: name, delivery address, phone number, email, "
         "delivery instructions and safe place, POD photo, signature, chatbot transcript, "
         "WhatsApp number and display name.")
    para(doc, "Staff users: Entra object ID, email, role, audit logs.")
    para(doc, "We are not collecting: driving licence numbers (these stay in the existing "
         "licence-check service), bank details, or health data as such. Fatigue alerts "
         "are not health data on their own, but a pattern of repeated alerts could point "
         "to a medical condition (for example sleep apnoea), so we treat them as sensitive "
         "and limit access to Safety Coaches and Occupational Health referrals.")

    doc.add_heading("2.4 Systems and integrations", level=2)
    para(doc, "SAP S/4HANA (HR master data outbound; cost centres), Microsoft Entra ID "
         "(SAML SSO and SCIM provisioning), the Harbourline tracking portal (REST API), "
         "and Twilio (SMS/WhatsApp). Data is hosted in Azure UK South with DR in UK West. "
         "Cadence\u2019s standard product runs in US East; our tenant is a dedicated UK "
         "deployment, and this is written into the draft order form (draft v3 of 21 November, para 6.7).")

    doc.add_heading("3. Necessity, proportionality and lawful basis", level=1)
    doc.add_heading("3.1 Lawful basis", level=2)
    add_table(doc, ["Processing", "Lawful basis", "Notes / status"], [
        ["Route planning and live tracking during shifts", "Art. 6(1)(f) legitimate "
         "interests", "LIA completed 22 Sep 2026. Done."],
        ["Telematics and driving scores", "Art. 6(1)(f); Art. 6(1)(c) in part "
         "(health and safety duties)", "LIA drafted, in progress. Consent rejected \u2013 "
         "not freely given in employment."],
        ["Event clips (both lenses)", "Art. 6(1)(f)", "Depends on SG-07/02 config being "
         "verified in pilot. Irish DPC guidance on in-vehicle cameras reviewed."],
        ["Use of footage in disciplinary cases", "Art. 6(1)(f)", "Limited by draft Camera "
         "Protocol; wording on \u201cgross misconduct\u201d not yet agreed with Unite. TBC."],
        ["Chatbot \u2013 senders", "Art. 6(1)(b) contract", "Done."],
        ["Chatbot \u2013 recipients and public", "Art. 6(1)(f)", "Recipients are not party "
         "to the sender\u2019s contract. Done."],
        ["Proof of delivery", "Art. 6(1)(b) / (f); legal claims", "Done."],
        ["SSO and HR master data", "Art. 6(1)(b) employment contract", "Done."],
    ], widths=[4.6, 4.4, 7.0], font_size=9)

    doc.add_heading("3.2 Biometric data", level=2)
    para(doc, "Cadence\u2019s questionnaire response (L.3) says \u201cno biometric data is "
         "processed\u201d. We think that is right only on our configuration and only for as "
         "long as Driver ID stays switched off. The DMS model locates facial landmarks on "
         "the in-cab unit to estimate eye closure and head pose; it does not create a "
         "template to identify the person, so it is not biometric data within Art. 4(14). "
         "Driver ID, on the other hand, matches the driver\u2019s face to the roster and "
         "stores a template, which would be special category data under Art. 9. We do not "
         "have an Art. 9 condition for that (explicit consent would not be freely given), "
         "so Driver ID must stay disabled. SG-07/03 confirmed this, and draft v3 of the "
         "order form (para 3.3(e)) contains a warranty. We still need to see the tenant "
         "setting for ourselves (open item 5).")

    doc.add_heading("3.3 Transparency", level=2)
    para(doc, "Driver privacy notice: redrafted, with a plain-English camera explainer; to "
         "issue in the UK before the pilot. The Irish version can only go out after the "
         "works council has been consulted. Customer privacy notice: chatbot section "
         "added, including that conversations go to a US provider. Van signage: stickers "
         "ordered for Warrington; Dublin to follow.")

    doc.add_heading("4. Retention", level=1)
    para(doc, "Where Cadence\u2019s defaults (from the questionnaire) differ from what we "
         "want, our position is shown. Items marked TBC are still being negotiated by "
         "Procurement.")
    add_table(doc, ["Data", "Cadence default", "Harbourline position", "Status"], [
        ["Raw GPS / telematics", "24 months", "12 months", "Agreed"],
        ["Driving scores", "36 months", "12 months preferred (DPO); Fleet Ops want 24",
         "TBC"],
        ["Event clips", "90 days", "30 days; flagged clips max 12 months", "Agreed"],
        ["Forward-facing local loop", "~72 hours", "72 hours", "Agreed"],
        ["POD photos", "12 months", "6 months (proposed)", "TBC"],
        ["E-signatures and POD records", "\u2013", "24 months (claims window)", "Agreed"],
        ["Chatbot transcripts (Cadence)", "12 months", "90 days (SG-07/07, reverses SG-06/04)",
         "Agreed"],
        ["Chatbot content (Lumen)", "30 days", "Zero retention; 30 days accepted for pilot",
         "In progress"],
        ["WhatsApp metadata (Twilio/Meta)", "per Twilio terms", "\u2013", "TBC"],
        ["Support tickets", "7 years", "36 months", "Agreed (still seems long)"],
    ], widths=[4.0, 2.8, 6.0, 3.2], font_size=9)

    doc.add_heading("5. International transfers", level=1)
    para(doc, "Data at rest stays in the UK. Irish data flowing to the UK relies on the EU "
         "adequacy decision for the UK. There are three sets of transfers out of the UK "
         "and EEA:")
    para(doc, "(a) Cadence Fleet Inc., Austin: second- and third-line support and "
         "engineering, by remote access. IDTA / SCCs. Cadence\u2019s US transfer risk "
         "assessment was received on 13 November 2026 and reviewed \u2013 done.")
    para(doc, "(b) Bayanihan Support Services Inc., Manila: out-of-hours first-line "
         "support. The questionnaire (B.2) says Bayanihan agents only use the ticketing "
         "tool and have no access to production data. Draft v3 of the contract says "
         "something different: read-only, just-in-time access to records linked to a "
         "ticket, which can include POD photos and event clips. At SG7 Maria Alvarez "
         "accepted that the questionnaire wording was inaccurate. We therefore assess "
         "Manila as having access to every data category, including video. The Philippines "
         "TRA has not been received (promised for 20 December). The DPO will not sign off "
         "without it. The works council has specifically asked about this.")
    para(doc, "(c) Lumen Labs Inc., USA: every chatbot conversation. Cadence say Lumen is "
         "certified under the EU-US Data Privacy Framework with the UK Extension. We have "
         "not yet checked the DPF list ourselves (open item 8). Lumen does not train on "
         "API data under its terms.")
    para(doc, "Twilio relies on BCRs. Microsoft processes in the UK. If Cadence\u2019s "
         "sub-processor list changes, Annex A needs updating.")

    doc.add_heading("6. Consultation", level=1)
    para(doc, "Unite: meeting on 19 November 2026 with the regional officer. Unite objected "
         "to continuous driver-facing recording as constant surveillance; they accept "
         "event-triggered recording with no audio, drivers being able to see their own "
         "clips, and no use of scores for routine performance management. A written Camera "
         "Protocol is being finalised. Irish works council: session on 3 December 2026; "
         "a second session is expected in early January. Their questions were about the "
         "Manila access, who can see footage, and whether fatigue data could be used "
         "against drivers. Drivers: a survey of the Warrington depot (n=97) found 61% "
         "opposed to driver-facing cameras before the change to event-only recording; "
         "we have not re-surveyed. Prior consultation with the ICO or DPC is not expected "
         "to be needed if the residual risks below are accepted, but that is the "
         "DPO\u2019s call once the open items close.")

    doc.add_heading("7. Risks and mitigations", level=1)
    add_table(doc, ["ID", "Risk", "L / S", "Mitigation", "Status", "Residual"], [
        ["R1", "Drivers feel under constant surveillance; chilling effect", "Likely / "
         "Significant", "Event-only driver lens; no audio; Safety Coach access only; Camera "
         "Protocol", "Agreed SG-07/02; verify in pilot", "Medium"],
        ["R2", "Function creep: scores used for performance management or discipline",
         "Possible / Significant", "Camera Protocol; role-based access; audit log review",
         "In progress", "Medium"],
        ["R3", "Tracking outside working hours for ~140 vans kept at home", "Likely / "
         "Significant", "Private use mode (Cadence, by 31 Mar 2027); interim hide of "
         "out-of-hours location from depot roles", "Not started", "High until delivered"],
        ["R4", "Unauthorised access to POD photos and addresses (pen test QHS-C1)",
         "Possible / Severe", "Fix deployed by Cadence 24 Nov; retest booked 14 Dec",
         "In progress", "Low once retested"],
        ["R5", "Chatbot disclosing delivery details to the wrong person (QHS-H1)",
         "Possible / Significant", "Tracking number plus postcode; output filtering; "
         "chatbot launch held until retest", "In progress", "Medium"],
        ["R6", "Remote access from Manila and Austin", "Possible / Significant",
         "JIT read-only access via UK-hosted VDI; session recording; TRAs",
         "Philippines TRA outstanding", "Medium (TBC)"],
        ["R7", "LLM provider retains or reuses conversations", "Unlikely / Significant",
         "No training under Lumen terms; 30-day retention; ZDR requested 20 Nov",
         "In progress", "Low"],
        ["R8", "Inaccurate scores lead to unfair treatment (e.g. urban harsh-braking "
         "false positives)", "Possible / Significant", "Human review; drivers can see and "
         "challenge scores; accuracy data requested", "Open", "Medium"],
        ["R9", "Incidental capture of the public", "Likely / Minimal", "Van signage; "
         "privacy notice; forward clips only on events", "Done (UK)", "Low"],
        ["R10", "Harbourline telematics used in Cadence\u2019s pooled model training",
         "Likely (default) / Moderate", "Contractual opt-out (draft v3 para 3.4)",
         "Done (contract); technical evidence TBC", "Low"],
        ["R11", "Subject access requests for footage need third-party redaction",
         "Likely / Moderate", "Manual redaction now; Cadence auto-blur planned Q2 2027",
         "Open", "Medium"],
    ], widths=[0.9, 3.6, 2.2, 4.4, 2.6, 2.3], font_size=8)
    para(doc, "None of the processing involves solely automated decisions with legal or "
         "similarly significant effects under Art. 22: route plans are reviewed by "
         "planners and no score triggers an automatic sanction. If Fleet Ops later want "
         "scores to feed into bonus calculations, that would need a fresh assessment.")

    doc.add_heading("8. Open items", level=1)
    for t in [
        "Philippines transfer risk assessment from Cadence (due 20 Dec 2026). TBC.",
        "Retest of QHS-C1 on 14 Dec and of QHS-H1 before chatbot launch. In progress.",
        "Exact buffer for driver-facing clips (10s/20s per SG minutes vs 15s/15s in a "
        "Cadence email of 28 Nov). TBC \u2013 the contract figure will be authoritative.",
        "Driving score retention (12 vs 24 months). TBC.",
        "Screenshot/evidence that Driver ID is disabled at tenant level. TBC.",
        "POD photo retention (6 months vs Procurement\u2019s 90 days). TBC.",
        "Lumen zero data retention confirmation in writing. In progress.",
        "Check Lumen\u2019s DPF entry, including UK Extension. Not started.",
        "Camera Protocol: gross misconduct wording with Unite. In progress.",
        "Irish privacy notice and works council second session. Not started.",
    ]:
        doc.add_paragraph(t, style="List Number")

    doc.add_heading("9. DPO review and sign-off", level=1)
    para(doc, "Not yet reviewed. DPO sign-off is required before any live personal data is "
         "processed at the pilot sites. If sign-off is limited to the pilot scope, a "
         "further version will be needed before the national roll-out.")
    add_table(doc, ["Role", "Name", "Decision", "Date"], [
        ["Data Protection Officer", "Siobh\u00e1n Gallagher", "", ""],
        ["Programme Sponsor", "Priya Nair", "", ""],
    ], widths=[4.5, 4.5, 4.5, 2.5])

    doc.add_heading("Annex A \u2013 Sub-processors as we understand them", level=1)
    para(doc, "Taken from the questionnaire response (J.1) and the SG7 discussion: "
         "Microsoft (Azure hosting, UK South/UK West); Cadence Fleet Inc. (support and "
         "engineering, USA); Bayanihan Support Services Inc. (first-line support, "
         "Philippines); Lumen Labs Inc. (LLM, USA); Twilio (SMS and WhatsApp, EEA/USA).")

    doc.add_heading("Annex B \u2013 Data flow narrative", level=1)
    para(doc, "[Carried over from v0.3 and not yet revised. Section 2.1 takes precedence "
         "where the two differ.]", italic=True)
    para(doc, "B.1 Consignment data flows nightly from the tracking portal into Optimise; "
         "routes are pushed to Courier at around 05:00. B.2 GPS and events stream from "
         "the DC-4 unit over 4G to the ingestion endpoint in UK South. B.3 The DC-4 unit "
         "records forward- and driver-facing video continuously while the ignition is on. "
         "Footage is held on the unit\u2019s SD card and uploaded over depot Wi-Fi at the end "
         "of the shift; driver-facing footage is kept in RouteWise for 30 days and can be "
         "searched by depot managers by date and vehicle. B.4 POD photos upload from the "
         "handset after each stop. B.5 Chatbot messages pass from Twilio to Converse, to "
         "Lumen and back.")

    save_docx_deterministic(doc, os.path.join(OUT, "dpia-draft.docx"),
                            (2026, 12, 4, 17, 48, 0))


# ---------------------------------------------------------------------------
# PDF helpers
# ---------------------------------------------------------------------------

_ss = getSampleStyleSheet()
S_BODY = ParagraphStyle("body", parent=_ss["Normal"], fontName="Helvetica",
                        fontSize=9.5, leading=12.5, spaceAfter=5)
S_SMALL = ParagraphStyle("small", parent=S_BODY, fontSize=8.2, leading=10.2,
                         spaceAfter=0)
S_SMALL_B = ParagraphStyle("smallb", parent=S_SMALL, fontName="Helvetica-Bold")
S_H1 = ParagraphStyle("h1", parent=S_BODY, fontName="Helvetica-Bold", fontSize=14,
                      leading=17, spaceAfter=6)
S_H2 = ParagraphStyle("h2", parent=S_BODY, fontName="Helvetica-Bold", fontSize=11,
                      leading=14, spaceBefore=8, spaceAfter=4)
S_CENTRE = ParagraphStyle("c", parent=S_BODY, alignment=TA_CENTER)


def grid_table(header, rows, widths, repeat=1, zebra=False):
    data = [[Paragraph(px(h), S_SMALL_B) for h in header]]
    for r in rows:
        data.append([Paragraph(px(c), S_SMALL) for c in r])
    t = Table(data, colWidths=widths, repeatRows=repeat, splitByRow=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9DEE6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        for i in range(2, len(data), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F4F5F7")))
    t.setStyle(TableStyle(style))
    return t


def make_page_decorator(left, right):
    def deco(canvas, doc):
        canvas.saveState()
        w, h = doc.pagesize
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(doc.leftMargin, h - 12 * mm, left)
        canvas.drawRightString(w - doc.rightMargin, h - 12 * mm, right)
        canvas.drawString(doc.leftMargin, 10 * mm, "Confidential")
        canvas.drawRightString(w - doc.rightMargin, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()
    return deco


# ---------------------------------------------------------------------------
# 3. security-questionnaire-response.pdf
# ---------------------------------------------------------------------------

TPSQ_SECTIONS = [
    ("A. Governance and assurance", [
        ("A.1", "Does your organisation hold a current ISO/IEC 27001 certification that "
                "covers the service in scope?", "Yes",
         "ISO/IEC 27001:2022, certificate IS 771204 issued by Sterling Certification Ltd, "
         "valid to 14 March 2028. Scope: design, development and operation of the "
         "RouteWise platform, including the Austin and Manchester offices. Bayanihan "
         "Support Services is outside the certified scope and is managed under our "
         "supplier assurance process (see J.3)."),
        ("A.2", "Can you provide an independent SOC 2 Type II report?", "Yes",
         "Period 1 April 2025 to 31 March 2026; Trust Services Criteria Security, "
         "Availability and Confidentiality. Auditor: Maddox & Reyes LLP. One exception "
         "(CC6.2, timeliness of one quarterly access review) with management response. "
         "Available under NDA via our trust portal."),
        ("A.3", "Does the contracting UK entity hold Cyber Essentials Plus?",
         "Planned Q2 2027",
         "Cadence Fleet UK Ltd has held Cyber Essentials (basic) since May 2026. CE+ "
         "assessment is booked; date to be confirmed by our assessor."),
        ("A.4", "Do you hold ISO/IEC 27701 or an equivalent privacy certification?", "No",
         "Not currently planned. Our privacy programme is run by the Cadence Privacy "
         "Office and audited internally against GDPR and UK GDPR requirements."),
        ("A.5", "Is there a named individual accountable for information security?", "Yes",
         "Maria Alvarez, Chief Information Security Officer, reporting to the CTO with "
         "quarterly reporting to the Audit Committee of the Board."),
        ("A.6", "Are information security policies reviewed at least annually?", "Yes",
         "Last full review completed July 2026; next due July 2027."),
    ]),
    ("B. Data location and international transfers", [
        ("B.1", "Where will Harbourline data be stored at rest?", "UK (see comment)",
         "Standard RouteWise tenants are provisioned in Microsoft Azure US East "
         "(Virginia). For Harbourline we propose a dedicated deployment in Azure UK South "
         "(London) with geo-redundant backup to UK West (Cardiff), subject to contract."),
        ("B.2", "Will any Harbourline data be stored, accessed or processed outside the UK "
                "and EEA?", "Partially",
         "(i) Remote support access from Austin, Texas (Cadence Fleet Inc.) and, out of "
         "UK hours, from Manila (Bayanihan Support Services Inc.). Bayanihan agents work "
         "in our ticketing tool only and do not have access to production customer data. "
         "(ii) Chatbot conversation content is processed by Lumen Labs Inc. in the USA. "
         "(iii) De-identified telematics used for pooled model training is processed in "
         "US East (see K.2)."),
        ("B.3", "Which transfer mechanisms do you rely on?", "Yes",
         "UK International Data Transfer Agreement or UK Addendum to the EU SCCs; EU SCCs "
         "(Module 2 or 3 as applicable). Lumen Labs is self-certified to the EU-US Data "
         "Privacy Framework including the UK Extension."),
        ("B.4", "Have you completed transfer risk assessments for each destination?",
         "Partially",
         "USA completed September 2026. Philippines in progress, expected Q4 2026."),
        ("B.5", "Can support access be restricted to UK-based personnel?", "No",
         "Our 24x7 model is follow-the-sun across Manchester, Austin and Manila. A "
         "UK-only support option (08:00 to 18:00 UK time, Monday to Friday) exists as a "
         "paid add-on but would not meet the 24x7 requirement in your RFP."),
    ]),
    ("C. Identity and access management", [
        ("C.1", "Does the service support SSO with the customer's identity provider?",
         "Yes", "SAML 2.0 and OIDC. Microsoft Entra ID is fully supported, including SCIM "
         "2.0 user provisioning and group-to-role mapping."),
        ("C.2", "Is MFA enforced for all supplier personnel with access to production?",
         "Yes", "Phishing-resistant FIDO2 keys via our workforce IdP for all engineering "
         "and support staff, including Bayanihan agents."),
        ("C.3", "How is privileged access controlled?", "Yes",
         "Just-in-time elevation with approval, maximum 4 hours, full session recording "
         "for production access. Standing admin access is not permitted."),
        ("C.4", "Are all administrative accounts in the customer tenant subject to MFA?",
         "Yes", "Customer administrators authenticate through the customer IdP. The two "
         "local break-glass accounts provisioned per tenant are also protected by MFA."),
        ("C.5", "How often are access rights reviewed?", "Yes",
         "Quarterly for production systems; monthly for privileged groups. See A.2 for "
         "the one late review noted by our auditor."),
        ("C.6", "Can the customer define its own roles and permissions?", "Partially",
         "Fourteen predefined roles can be mapped to customer groups. Custom roles are "
         "Planned Q2 2027 (release 27.2)."),
    ]),
    ("D. Encryption and key management", [
        ("D.1", "Is customer data encrypted at rest?", "Yes",
         "AES-256 via Azure Storage Service Encryption and Azure SQL TDE, with "
         "platform-managed keys."),
        ("D.2", "Do you support customer-managed keys?", "Planned Q2 2027",
         "Azure Key Vault customer-managed keys are on the roadmap for release 27.2. "
         "Roadmap items are not a contractual commitment."),
        ("D.3", "Is TLS 1.2 or higher enforced on all external interfaces?", "Yes",
         "TLS 1.2 minimum, TLS 1.3 supported on web and API endpoints. In-cab units "
         "connect over mutually authenticated TLS."),
        ("D.4", "Is video encrypted on the in-cab device?", "Partially",
         "DC-4 units encrypt local storage (AES-128, hardware limitation). Legacy DC-3 "
         "units do not; Harbourline will receive DC-4 units only."),
        ("D.5", "Are keys and certificates rotated?", "Yes",
         "Data encryption keys annually; TLS certificates every 90 days (automated)."),
    ]),
    ("E. Application security and testing", [
        ("E.1", "Do you follow a secure development lifecycle?", "Yes",
         "Aligned to OWASP ASVS level 2. SAST and dependency scanning on every merge; "
         "DAST weekly against staging; mandatory peer review."),
        ("E.2", "Is the service independently penetration tested at least annually?",
         "Yes", "Ironbridge Assurance Ltd (CREST accredited), August 2026, covering web "
         "portal, APIs and the Courier mobile app. Findings: 0 critical, 2 high (both "
         "remediated September 2026), 5 medium (3 remediated, 2 scheduled). No critical or "
         "high findings remain open. Executive summary letter available under NDA."),
        ("E.3", "Will you permit the customer to commission its own test?", "Yes",
         "With 15 business days' notice, against a non-production tenant configured "
         "equivalently to production, under agreed rules of engagement."),
        ("E.4", "How is the mobile application secured?", "Yes",
         "Certificate pinning; photos and signatures held in an encrypted app sandbox and "
         "deleted after confirmed upload; compatible with Android Enterprise and common "
         "MDM tools."),
        ("E.5", "Are AI features tested for prompt injection and data leakage?",
         "Partially", "Converse has input and output guardrails and has been through an "
         "internal red-team exercise. AI features were not in scope of the Ironbridge "
         "test. An external AI red-team is planned for H1 2027."),
    ]),
    ("F. Vulnerability and patch management", [
        ("F.1", "What are your remediation timescales by severity?", "Yes",
         "Critical 14 days, high 30 days, medium 90 days, low at next scheduled release."),
        ("F.2", "Do you perform regular vulnerability scanning?", "Yes",
         "Weekly authenticated infrastructure scans; container images scanned at build "
         "and daily in the registry."),
        ("F.3", "How is in-cab device firmware kept up to date?", "Yes",
         "Over-the-air updates in staged rings; devices updated within 60 days of release "
         "subject to connectivity."),
        ("F.4", "Do you operate a bug bounty programme?", "No",
         "We publish a vulnerability disclosure policy and security.txt."),
    ]),
    ("G. Logging and monitoring", [
        ("G.1", "Are security events centrally logged and monitored 24x7?", "Yes",
         "Microsoft Sentinel SIEM; 24x7 monitoring by the Cadence Security Operations "
         "team in Austin with on-call cover."),
        ("G.2", "Can the customer access audit logs for its tenant?", "Partially",
         "Administrative audit log visible in the portal for 90 days. Streaming export to "
         "a customer SIEM is Planned Q2 2027."),
        ("G.3", "How long are security logs retained?", "Yes", "13 months."),
    ]),
    ("H. Incident management", [
        ("H.1", "Do you have a documented and tested incident response plan?", "Yes",
         "Tested by tabletop exercise twice a year; last exercise June 2026."),
        ("H.2", "Within what timeframe will you notify a personal data breach?", "Yes",
         "Cadence will notify affected customers of a confirmed personal data breach "
         "without undue delay and in any event within 72 hours of confirmation."),
        ("H.3", "Have you notified a regulator of a breach in the last 36 months?", "No",
         "No breaches notified to any supervisory authority. A credential-stuffing "
         "incident in February 2025 targeted one customer's portal users; no compromise "
         "of Cadence systems was found."),
        ("H.4", "Is there a named security contact for customers?", "Yes",
         "security@cadencefleet.example, monitored 24x7, plus the customer's account "
         "team."),
    ]),
    ("I. Business continuity and disaster recovery", [
        ("I.1", "Do you maintain a business continuity plan?", "Yes",
         "Reviewed annually, aligned to ISO 22301 (not certified)."),
        ("I.2", "What are the RPO and RTO for the production service?", "Yes",
         "Standard: RPO 4 hours, RTO 24 hours. An enhanced DR option is available at "
         "additional cost."),
        ("I.3", "When was failover last tested?", "Yes",
         "Full failover from US East to US West tested on 14 March 2026. A UK South to UK "
         "West test will be scheduled once the Harbourline deployment is provisioned."),
        ("I.4", "Describe backup arrangements.", "Yes",
         "Daily full backups and 15-minute transaction log backups; immutable; retained "
         "35 days; restore tested quarterly."),
    ]),
    ("J. Sub-processors and supply chain", [
        ("J.1", "List all sub-processors that will process Harbourline personal data.",
         "See comment",
         "Microsoft (Azure hosting); Cadence Fleet Inc. (engineering and support, USA); "
         "Bayanihan Support Services Inc. (first-line support, Philippines); Lumen Labs "
         "Inc. (LLM inference, USA); Twilio (SMS and WhatsApp)."),
        ("J.2", "Will you notify changes to sub-processors in advance?", "Yes",
         "30 days' notice via email to the customer's nominated contact."),
        ("J.3", "How do you assure the security of your sub-processors?", "Yes",
         "Annual risk assessment. Bayanihan is not ISO certified; Cadence carried out an "
         "on-site audit in Manila in May 2026 with two minor findings, both closed."),
        ("J.4", "Are equivalent data protection terms flowed down?", "Yes",
         "All sub-processors are bound by written terms no less protective than our "
         "customer DPA."),
    ]),
    ("K. AI, models and use of customer data", [
        ("K.1", "Describe the AI and machine learning models used in the service.",
         "See comment",
         "Horizon-RO v4.2 (travel-time prediction with a proprietary vehicle routing "
         "solver); SafeDrive DMS v3.1 (on-device model for eye closure, head pose and "
         "phone detection); collision detection v2.4; Converse uses Lumen Lyra-2 Turbo "
         "(lyra-2-turbo-2508) with retrieval from the customer tracking API."),
        ("K.2", "Is customer data used to train models that serve other customers?",
         "Yes", "Pooled training: de-identified telematics (GPS traces, speeds, stop "
         "durations) from customer tenants is used to train Horizon travel-time models. "
         "Direct identifiers are removed before export to US East. Enterprise customers "
         "may opt out; opting out may affect pricing."),
        ("K.3", "Does the LLM provider use conversation data for training?", "No",
         "Lumen's API terms prohibit training on API inputs and outputs. Lumen retains "
         "API data for 30 days for abuse monitoring; zero data retention is available on "
         "application and approval by Lumen."),
        ("K.4", "Is there human oversight of automated outputs?", "Yes",
         "Route plans are reviewed by customer planners before release. Driving scores "
         "do not trigger automated actions."),
        ("K.5", "Has driver scoring been tested for accuracy and bias?", "Partially",
         "DMS phone-use detection: precision 94.1%, recall 89.7% on our validation set of "
         "48,000 clips. Not yet evaluated on a UK or Irish driver population specifically."),
    ]),
    ("L. SafeDrive video and driver monitoring", [
        ("L.1", "Describe the camera recording modes.", "See comment",
         "Default configuration: forward- and driver-facing lenses record continuously "
         "while the ignition is on to on-device storage (loop of approximately 72 hours "
         "on a 256 GB card). Event clips of 20 seconds (10 before, 10 after) upload "
         "automatically; continuous footage can be retrieved on request. An event-only "
         "mode for the driver-facing lens can be configured per tenant."),
        ("L.2", "Is audio recorded?", "Partially",
         "The DC-4 has a cab microphone. Audio is off by default and can be enabled per "
         "tenant for event clips. From firmware 3.8.2 it can be disabled in firmware."),
        ("L.3", "Is biometric data processed?", "No",
         "No biometric data is processed. The DMS model analyses facial landmarks in real "
         "time on the device to detect eye closure and head pose; no images or templates "
         "leave the device for this purpose. The optional Driver ID feature (matching the "
         "driver's face to the roster, which stores a facial template in the tenant) is "
         "disabled by default and is not part of the proposed configuration."),
        ("L.4", "Can drivers see their own footage and scores?", "Yes",
         "Through the My Drive tab in the Courier app."),
        ("L.5", "Can third parties in footage be blurred?", "Partially",
         "Manual redaction tool available today. Automatic face and plate blurring on "
         "export is Planned Q2 2027."),
        ("L.6", "What is the default retention for event clips?", "See comment",
         "90 days, configurable from 7 to 365 days."),
    ]),
    ("M. Retention and deletion", [
        ("M.1", "Are retention periods configurable by the customer?", "Yes",
         "Per data category, through the Configuration Workbook."),
        ("M.2", "What are the default retention periods?", "See comment",
         "GPS and telematics 24 months; driving scores 36 months; POD photos 12 months; "
         "chatbot transcripts 12 months; support tickets 7 years."),
        ("M.3", "What happens to data at the end of the contract?", "Yes",
         "Data available for export for 90 days, then deleted within 30 days. Backups age "
         "out within 35 days. Certificate of deletion on request."),
        ("M.4", "Can individual records be erased to meet data subject requests?", "Yes",
         "Erasure tooling by driver, recipient or consignment, with audit trail."),
    ]),
    ("N. Personnel security", [
        ("N.1", "Are staff background checked?", "Yes",
         "USA: criminal record and employment verification. UK: BPSS-equivalent checks. "
         "Philippines: NBI clearance, carried out by Bayanihan."),
        ("N.2", "Is security awareness training mandatory?", "Yes",
         "On joining and annually, with monthly phishing simulations."),
        ("N.3", "Do staff sign confidentiality undertakings?", "Yes",
         "All employees and contractors, including Bayanihan agents."),
        ("N.4", "Is there a separate PCI DSS scope?", "N/A",
         "RouteWise does not store, process or transmit cardholder data. Payments for "
         "rebooking fees, if any, are handled by the customer's own payment page."),
    ]),
]


def build_tpsq():
    path = os.path.join(OUT, "security-questionnaire-response.pdf")
    doc = SimpleDocTemplate(
        path, pagesize=A4, invariant=1,
        leftMargin=16 * mm, rightMargin=16 * mm, topMargin=20 * mm,
        bottomMargin=18 * mm,
        title="Cadence Fleet - Response to Harbourline TPSQ v3.2 - RouteWise",
        author="Rebecca Thornton, Cadence Fleet Inc.",
        subject="Third-party security and privacy questionnaire response",
        creator="Cadence Fleet GRC", producer="Cadence Fleet GRC",
    )
    deco = make_page_decorator(
        "Cadence Fleet Inc. \u2013 RouteWise \u2013 Response to HL-TPSQ v3.2",
        "Response v1.1 \u2013 16 October 2026")
    story = []
    story.append(Paragraph("Response to Harbourline Logistics Ltd Third-Party Security "
                           "and Privacy Questionnaire", S_H1))
    story.append(Paragraph(px("Questionnaire reference HL-TPSQ v3.2 (issued 18 September "
                              "2026). Service: RouteWise (Optimise, SafeDrive, Converse, "
                              "Courier), release 26.9."), S_BODY))
    meta = [
        ["Respondent", "Cadence Fleet Inc. and Cadence Fleet UK Ltd"],
        ["Prepared by", "Rebecca Thornton, Senior Manager, Security Governance, Risk & "
                        "Compliance"],
        ["Approved by", "Maria Alvarez, Chief Information Security Officer"],
        ["Response version", "1.1 (v1.0 of 9 October 2026 corrected at B.1 and I.2)"],
        ["Date", "16 October 2026"],
        ["Harbourline contacts", "Tom Ashworth (Head of Information Security); Siobh\u00e1n "
                                 "Gallagher (DPO)"],
    ]
    story.append(grid_table(["Item", "Detail"], meta, [45 * mm, 133 * mm]))
    story.append(Spacer(1, 5 * mm))
    story.extend(H2("Notes on this response"))
    for t in [
        "Thank you for the opportunity to respond. Unless a comment says otherwise, the "
        "answers describe the standard RouteWise multi-tenant service as operated today. "
        "Harbourline has asked for a number of non-standard arrangements, most notably "
        "hosting in the UK. Where those are mentioned we have described what we propose; "
        "they become commitments only once they are written into the order form.",
        "Answers marked \u201cPlanned\u201d reflect our current product roadmap. Roadmap "
        "dates are our best estimate and are not contractual commitments unless agreed "
        "separately. Where evidence is referred to as available under NDA, it can be "
        "accessed through the Cadence trust portal once the mutual NDA of 4 September "
        "2026 is countersigned for the additional Harbourline reviewers.",
        "We have answered the questionnaire in the format provided. Some of "
        "Harbourline\u2019s questions combined several points; where a single Yes/No did not "
        "fit we have used \u201cPartially\u201d and explained in the comment column.",
    ]:
        story.append(Paragraph(px(t), S_BODY))
    widths = [12 * mm, 52 * mm, 22 * mm, 92 * mm]
    for title, rows in TPSQ_SECTIONS:
        story.extend(H2(title))
        story.append(grid_table(["Ref", "Question", "Response", "Evidence / comment"],
                                rows, widths, zebra=True))
    story.extend(H2("Declaration"))
    story.append(Paragraph(px(
        "The responses above are accurate to the best of our knowledge at the date of "
        "this document. Cadence will inform Harbourline of any material change to the "
        "information provided before contract signature. Signed for Cadence Fleet Inc. by "
        "Maria Alvarez, CISO, and Rebecca Thornton, Senior Manager, Security GRC, "
        "16 October 2026."), S_BODY))
    doc.build(story, onFirstPage=deco, onLaterPages=deco)


# ---------------------------------------------------------------------------
# 4. steering-minutes.pdf
# ---------------------------------------------------------------------------

MINUTES_ITEMS = [
    ("1. Welcome, apologies and previous minutes", [
        "PN welcomed members. Apologies from Richard Coyle (CFO), represented by Emma "
        "Shaw, and from Aisling Moran (Legal), who had sent written comments on the "
        "commercial position for item 5.",
        "The minutes of meeting 6 (22 October 2026) were approved without amendment. "
        "Matters arising: A6-03 (Cadence transfer risk assessment for the Philippines) "
        "remains open and is carried forward; A6-05 (Warrington driver briefing sessions) "
        "is complete, with 11 sessions held and 129 drivers attending.",
    ]),
    ("2. Programme status and timeline", [
        "CR reported overall status Amber, down from Green at meeting 6, and trending Red "
        "for the national roll-out date. The Warrington pilot remains on track for 12 "
        "January 2027. Dublin is at risk.",
        "Warrington: 138 of 141 vans fitted with DC-4 units (three in the workshop). "
        "Courier v5.3 installed on 190 Zebra TC58 handsets. Dublin: 9 of 86 vans fitted; "
        "fitting was paused on 6 November pending the works council meeting on 3 "
        "December. SAP integration: the HR master data interface has passed QA; the "
        "finance cost-centre interface has 7 open defects, 2 of them severity 2. Entra ID "
        "SSO is working in the test tenant; SCIM provisioning has slipped to 11 December.",
        "Budget: GBP 4.86m approved over three years including internal costs; GBP 1.12m "
        "committed; GBP 604k spent to date. Fitting is forecast GBP 71k over because of "
        "return visits to vans that were not available on the booked day.",
        "CR set out two options for the national roll-out: A, hold 1 June 2027; or B, "
        "move to 6 July 2027 to allow time for pen test remediation, the DR test and a "
        "second pilot cycle at Dublin. MH was concerned that July clashes with summer "
        "leave at the larger depots. PN said she did not want to move the date today "
        "without pilot data. 1 June 2027 remains the planning assumption; the Steering Group will "
        "decide at meeting 9 in January, once two weeks of pilot data are available.",
    ]),
    ("3. SafeDrive driver-facing cameras", [
        "SK reported on the meeting with the Unite regional officer on 19 November. Unite "
        "objects to continuous driver-facing recording, which it describes as constant "
        "surveillance, and would not support the pilot on that basis. Unite would accept "
        "recording triggered by events only, with no audio, no use of scores for routine "
        "performance management and drivers able to view their own clips. GW said the "
        "Irish works council had raised the same points and had also asked who at the "
        "supplier could see footage from outside Ireland. The works council expects "
        "written information before 3 December. Fitting in Dublin cannot restart before "
        "that meeting.",
        "MH said Fleet Operations had preferred continuous recording for defending "
        "third-party claims, but accepted that the forward-facing loop covers most "
        "claims scenarios. SG said event-triggered recording also makes the "
        "proportionality case much easier and the DPIA would be updated.",
        "On buffer length, Cadence\u2019s default is 10 seconds before and 10 after. Unite "
        "had asked for the shortest workable buffer; Fleet Operations wanted 30 seconds "
        "after a collision. The group agreed 10 seconds before and 20 seconds after. "
        "Cadence confirmed by email before the meeting that the cab microphone can be "
        "disabled in firmware from version 3.8.2.",
        "TA pointed out that the Cadence questionnaire response describes continuous "
        "recording on both lenses as the default configuration, so the setting must be "
        "overridden at tenant level and checked on the vans during the pilot, not assumed.",
    ]),
    ("4. Penetration test findings", [
        "TA summarised the Quarry Hill Security draft report (testing 2 to 13 November, "
        "draft issued 20 November): 1 critical, 3 high, 6 medium and 4 low findings. "
        "Testing was against the pilot tenant using synthetic data.",
        "QHS-C1 (critical): an insecure direct object reference in the Courier API let an "
        "authenticated driver account retrieve POD photos and recipient names and "
        "addresses for other consignments, across depots, by changing the consignment ID. "
        "QHS-H1 (high): the chatbot could be talked into giving the delivery window and "
        "part of the address for a tracking number without the postcode check. QHS-H2 "
        "(high): the local break-glass admin accounts in the RouteWise console were not "
        "subject to MFA. QHS-H3 (high): the telematics ingestion endpoint still accepts "
        "TLS 1.0 and 1.1 for legacy units.",
        "MA (Cadence, by Teams) accepted the findings. The C1 fix was deployed to the pilot "
        "tenant on 24 November and a retest is being arranged. H2 will be fixed by 4 "
        "December. H1 is in release 26.12, due mid-December. H3 needs a firmware update to "
        "every DC-4 unit, because some Warrington units shipped on older firmware; target "
        "28 February 2027.",
        "TA noted that the questionnaire response had stated that break-glass accounts "
        "were protected by MFA, that TLS 1.2 was enforced on all external interfaces, and "
        "that Bayanihan agents had no access to production data. None of these was "
        "accurate. MA accepted this and agreed to reissue the response as v1.2.",
    ]),
    ("5. Commercial negotiation", [
        "DO reported on draft v3 of the order form (21 November). 5.1 Fees: Cadence\u2019s "
        "revised offer is GBP 2.41m a year for 2,000 vehicle licences, down from GBP 2.62m "
        "in the term sheet; our target is GBP 2.2m. Implementation at GBP 365k is agreed. "
        "5.2 DR: Cadence\u2019s standard is RPO 4 hours and RTO 24 hours. Cadence has offered "
        "1 hour and 8 hours as a \u201cDR Premium\u201d at GBP 38k a year; DO is pushing for "
        "this to be included. 5.3 Breach notification: Cadence has moved from 72 hours to "
        "48 hours. SG said 24 hours is the minimum, since Harbourline itself has 72 hours "
        "to notify the ICO and, for Irish data, the DPC.",
        "5.4 Liability: Cadence has offered a cap of 100% of 12 months\u2019 fees; we have "
        "asked for 200% and a separate data protection cap of GBP 7.5m, against Cadence\u2019s "
        "GBP 3m. Legal\u2019s written view is that 150% and GBP 5m would be an acceptable "
        "landing zone. 5.5 Renewal notice: Cadence\u2019s standard is 180 days; we want 90. "
        "5.6 Term: 36 months agreed, with a termination for convenience right still to "
        "be settled.",
        "JE (Cadence) said the pricing assumed Harbourline would allow pooled training and "
        "that opting out might mean an uplift of around 3%. DO said the opt-out was not "
        "negotiable and no uplift would be accepted.",
    ]),
    ("6. Chatbot: retention and model", [
        "SG explained that Lumen keeps API data for 30 days for abuse monitoring by "
        "default and offers zero data retention on approval; Cadence applied on 20 "
        "November. At meeting 6 the Steering Group had accepted Cadence\u2019s standard 12-month "
        "retention for transcripts to support quality review (SG-06/04). On reflection "
        "the DPO considers this disproportionate, and Customer Service have confirmed "
        "that 90 days is enough for complaint handling.",
        "JE mentioned that Cadence plans to move Converse from Lyra-2 Turbo to Lyra-3 in "
        "Q1 2027. SG said any model change needs notice and a DPIA update; TA asked for "
        "Cadence\u2019s prompt-injection test results on the new model before it is used "
        "with Harbourline traffic.",
    ]),
    ("7. Data protection: DPIA and transfers", [
        "SG said DPIA v0.4 is in progress and v0.5 will be issued by 4 December to reflect "
        "today\u2019s decisions. The main open point is the Philippines. MA clarified that "
        "Bayanihan agents can view records linked to a ticket, which can include POD "
        "photos and event clips, through a virtual desktop hosted in UK South. SG said this "
        "must be reflected in the DPIA, the privacy notices and the works council pack, "
        "and that she will not sign off the DPIA until the Philippines TRA is received.",
        "MH said 143 vans are kept at drivers\u2019 homes overnight. The current release has "
        "no private use mode; Cadence expects to deliver one by 31 March 2027. In the "
        "meantime out-of-hours location should be hidden from depot roles, if Cadence "
        "confirms this is possible with the current role model.",
    ]),
    ("8. Risks", [
        "The Steering Group reviewed the top risks. R-014 Dublin works council delay: High (was "
        "Medium). R-021 pen test remediation affecting pilot: High (new). R-009 national "
        "roll-out date: High. R-017 transfer assessment for the Philippines: Medium. "
        "R-025 pooled training pricing uplift: Low, subject to the contract wording. "
        "R-011 SAP finance interface defects: Medium.",
    ]),
    ("9. Any other business", [
        "DP asked for the Steering Group to note that the Entra ID conditional access policy for "
        "RouteWise will block logins from outside the UK and Ireland for Harbourline "
        "users. This does not affect Cadence support staff, who authenticate separately. "
        "Next meeting: 17 December 2026, 10:00, Boardroom 2 and Teams.",
    ]),
]

MINUTES_DECISIONS = [
    ["SG-07/01", "Planning assumption for national roll-out remains 1 June 2027. "
                 "Re-baseline decision at meeting 9 (January 2027).", "\u2013"],
    ["SG-07/02", "Driver-facing lens records on triggered events only, 10 seconds before "
                 "and 20 seconds after; no audio on any channel; footage viewable by "
                 "Safety Coaches and the driver concerned; no routine performance "
                 "management use. Forward-facing lens continues to record to a 72-hour "
                 "local loop.", "Supersedes SG-05/03 (24 Sep 2026: continuous recording "
                 "on both lenses, 30-day retention)"],
    ["SG-07/03", "Driver ID facial matching will not be enabled for any Harbourline "
                 "tenant.", "\u2013"],
    ["SG-07/04", "Dublin fitting resumes only after the works council meeting and with "
                 "GW\u2019s agreement.", "\u2013"],
    ["SG-07/05", "Pilot go-live conditional on successful QHS-C1 retest and QHS-H2 "
                 "closure. Chatbot not launched to the public until QHS-H1 is retested; "
                 "chatbot pilot to start no earlier than 1 February 2027. QHS-H3 accepted "
                 "for the pilot period only with IP allow-listing as compensating control.",
     "Changes plan of 22 Oct to launch the chatbot with the rest of the pilot on 12 Jan"],
    ["SG-07/06", "DO mandated to close at or below GBP 2.2m a year, general cap at least "
                 "150%, data protection cap at least GBP 5m, 24-hour breach notification, "
                 "90-day renewal notice, RPO/RTO of 1h/8h included. Escalate to PN if not "
                 "achievable by 11 December. Target signature 18 December.", "\u2013"],
    ["SG-07/07", "Cadence-held chatbot transcripts kept for 90 days. Lumen\u2019s 30-day "
                 "retention accepted for the pilot only; zero data retention required "
                 "before national roll-out unless the Steering Group decides otherwise.",
     "Reverses SG-06/04 (12-month transcript retention)"],
]

MINUTES_ACTIONS = [
    ["A6-03", "Obtain Philippines transfer risk assessment from Cadence", "J. Ellis",
     "20 Dec 2026", "Carried forward"],
    ["A7-01", "Options paper on roll-out date (A: 1 Jun, B: 6 Jul 2027)", "C. Reid",
     "14 Jan 2027", "Open"],
    ["A7-02", "Issue Camera Protocol to Unite for signature", "S. Kinsella",
     "4 Dec 2026", "Open"],
    ["A7-03", "Prepare works council information pack, including Manila access",
     "G. Walsh / S. Gallagher", "1 Dec 2026", "Open"],
    ["A7-04", "Confirm event-only driver lens and audio disable at tenant and firmware "
              "level; test on 10 pilot vans", "T. Ashworth", "8 Jan 2027", "Open"],
    ["A7-05", "Arrange Quarry Hill retest of C1 and H2", "T. Ashworth", "14 Dec 2026",
     "In progress"],
    ["A7-06", "Reissue questionnaire response as v1.2, correcting C.4, D.3 and B.2",
     "M. Alvarez (Cadence)", "15 Jan 2027", "Open"],
    ["A7-07", "Close commercial terms in line with SG-07/06", "D. Okafor", "11 Dec 2026",
     "Open"],
    ["A7-08", "Issue DPIA v0.5", "S. Gallagher", "4 Dec 2026", "Open"],
    ["A7-09", "Confirm whether out-of-hours location can be hidden from depot roles",
     "J. Ellis", "9 Dec 2026", "Open"],
    ["A7-10", "Provide Lyra-3 prompt-injection test results and change notice",
     "J. Ellis", "31 Jan 2027", "Open"],
    ["A7-11", "Confirm Lumen zero data retention status in writing", "J. Ellis",
     "31 Jan 2027", "Open"],
    ["A7-12", "Resolve severity 2 defects on SAP finance interface", "D. Patel",
     "18 Dec 2026", "In progress"],
    ["A6-05", "Warrington driver briefing sessions", "M. Hale", "20 Nov 2026", "Closed"],
]


def build_minutes():
    path = os.path.join(OUT, "steering-minutes.pdf")
    doc = SimpleDocTemplate(
        path, pagesize=A4, invariant=1,
        leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
        bottomMargin=18 * mm,
        title="RouteWise Programme Steering Group - Meeting 7 - Minutes",
        author="Hannah Lister, PMO",
        subject="Minutes of meeting held 26 November 2026",
        creator="Harbourline PMO", producer="Harbourline PMO",
    )
    deco = make_page_decorator("Harbourline Logistics Ltd \u2013 RouteWise Programme",
                               "Steering Group meeting 7 \u2013 26 November 2026")
    story = [
        Paragraph("RouteWise Programme Steering Group", S_H1),
        Paragraph("Minutes of meeting 7", S_H2),
    ]
    meta = [
        ["Date and time", "Thursday 26 November 2026, 10:00 to 12:20"],
        ["Location", "Boardroom 2, Harbourline House, Warrington, and Microsoft Teams"],
        ["Chair", "Priya Nair (PN), Chief Operating Officer and Programme Sponsor"],
        ["Present", "Callum Reid (CR), Programme Manager; Siobh\u00e1n Gallagher (SG), Data "
                    "Protection Officer; Tom Ashworth (TA), Head of Information Security; "
                    "Denise Okafor (DO), Head of Procurement; Marcus Hale (MH), Head of "
                    "Fleet Operations; Gr\u00e1inne Walsh (GW), Head of People, Ireland; Dev "
                    "Patel (DP), Head of Enterprise Applications; Sarah Kinsella (SK), "
                    "Employee Relations Manager; Emma Shaw (ES), Finance Business Partner"],
        ["In attendance", "Jordan Ellis (JE), Account Executive, Cadence Fleet (items 5 "
                          "and 6); Maria Alvarez (MA), CISO, Cadence Fleet (items 4 and 7, "
                          "by Teams)"],
        ["Apologies", "Richard Coyle, Chief Financial Officer; Aisling Moran, Senior "
                      "Commercial Counsel"],
        ["Minutes", "Hannah Lister, PMO Analyst"],
        ["Status", "Final \u2013 approved at meeting 8 on 17 December 2026 with one "
                   "amendment (item 5.4)"],
    ]
    story.append(grid_table(["", ""], meta, [32 * mm, 138 * mm], repeat=0))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(px(
        "Amendment agreed at meeting 8: the draft of these minutes recorded Cadence\u2019s "
        "liability cap offer at item 5.4 as 125% of fees. Cadence\u2019s offer on 26 "
        "November was 100%; the text below has been corrected. The commercial terms were "
        "subsequently settled and the order form signed on 18 December 2026; the signed "
        "order form, not these minutes, records the final position."), S_SMALL))
    story.append(Spacer(1, 2 * mm))
    for title, paras in MINUTES_ITEMS:
        story.extend(H2(title))
        for t in paras:
            story.append(Paragraph(px(t), S_BODY))
    story.extend(H2("Decisions"))
    story.append(grid_table(["Ref", "Decision", "Effect on earlier decisions"],
                            MINUTES_DECISIONS, [18 * mm, 102 * mm, 50 * mm]))
    story.extend(H2("Actions log"))
    story.append(Paragraph(px("Status as at issue of these minutes (27 November 2026). "
                              "Closed actions are removed after one meeting."), S_SMALL))
    story.append(Spacer(1, 2 * mm))
    story.append(grid_table(["Ref", "Action", "Owner", "Due", "Status"],
                            MINUTES_ACTIONS,
                            [14 * mm, 80 * mm, 32 * mm, 22 * mm, 22 * mm], zebra=True))
    doc.build(story, onFirstPage=deco, onLaterPages=deco)


# ---------------------------------------------------------------------------
# 5. controls-tracker.csv
# ---------------------------------------------------------------------------

TRACKER_HEADER = ["id", "area", "control_or_metric", "source", "target", "status",
                  "owner", "due_date", "last_reviewed", "notes"]

TRACKER_ROWS = [
    ["RW-SEC-01", "Access control", "All Harbourline named users authenticate via Entra ID SSO",
     "Order form 3.2; TPSQ C.1", "100% of named users via SSO", "Implemented", "O. Pritchard",
     "2026-12-11", "2027-01-08", "SCIM provisioning went live 14 Dec (3 days late). 612 users provisioned so far."],
    ["RW-SEC-02", "Access control", "MFA on local break-glass admin accounts", "QHS-H2",
     "MFA enforced on both accounts", "Closed", "M. Alvarez (Cadence)", "2026-12-04", "2027-01-08",
     "Fixed 3 Dec, retest passed 14 Dec. TPSQ v1.1 C.4 said this was already in place - it was not."],
    ["RW-SEC-03", "Application security", "Fix IDOR in Courier API (POD photos/addresses)", "QHS-C1",
     "Remediated and retested before pilot", "Closed", "M. Alvarez (Cadence)", "2027-01-11", "2027-01-08",
     "Retest by Quarry Hill 14 Dec 2026 passed. Evidence: QHS retest letter ref QHS-2611-HL-R1."],
    ["RW-SEC-04", "Application security", "Chatbot verification bypass (tracking no. + postcode)", "QHS-H1",
     "Retest passed before public launch", "In progress", "T. Ashworth", "2027-01-31", "2027-01-08",
     "Release 26.12 deployed 18 Dec. Retest booked 19 Jan. Chatbot public launch not before 1 Feb (SG-07/05)."],
    ["RW-SEC-05", "Encryption", "Telematics ingestion endpoint TLS 1.2+ only", "QHS-H3; TPSQ D.3",
     "TLS 1.0/1.1 disabled", "Open", "M. Alvarez (Cadence)", "2027-02-28", "2027-01-08",
     "Needs firmware 3.9.0 on all DC-4 units; 41 of 138 Warrington units updated. Risk accepted for pilot (RA-2026-044) with IP allow-list."],
    ["RW-SEC-06", "Encryption", "Encryption at rest", "TPSQ D.1", "AES-256", "Implemented", "O. Pritchard",
     "", "2026-12-20", "Platform-managed keys. CMK is roadmap only (Q2 2027) - not in contract."],
    ["RW-SEC-07", "Data residency", "Customer data at rest only in Azure UK South / UK West", "Order form 6.7",
     "No resources outside UK regions", "In progress", "O. Pritchard", "2027-01-22", "2027-01-08",
     "Cadence attestation received 2 Dec. Still want the Azure resource inventory export to check ourselves."],
    ["RW-SEC-08", "Resilience", "DR failover test UK South to UK West", "Order form 4.4",
     "RPO 1h / RTO 8h demonstrated", "Not started", "T. Ashworth", "2027-03-31", "2027-01-08",
     "Test pencilled for 9 Mar 2027. National Roll-out Condition. TPSQ I.2 quoted 4h/24h - superseded by contract."],
    ["RW-SEC-09", "Incident management", "Supplier breach notification", "Order form 6.10",
     "Within 24 hours of awareness", "Implemented", "T. Ashworth", "", "2026-12-20",
     "Contractual. TPSQ H.2 said 72h from confirmation. Joint tabletop exercise planned 24 Feb 2027."],
    ["RW-SEC-10", "Logging", "RouteWise audit logs into Harbourline Sentinel", "TPSQ G.2",
     "Daily export as a minimum", "In progress", "O. Pritchard", "2027-02-15", "2027-01-08",
     "No streaming export until Q2 2027; using a scheduled API pull as a workaround."],
    ["RW-SEC-11", "Vulnerability management", "Supplier patching of critical vulns within 14 days",
     "TPSQ F.1", "14 days", "Implemented", "O. Pritchard", "", "2026-12-20",
     "Relying on SOC 2 report. No independent evidence."],
    ["RW-SEC-12", "Assurance", "Reissued questionnaire response v1.2", "SG action A7-06",
     "Corrects B.2, C.4 and D.3", "Open", "M. Alvarez (Cadence)", "2027-01-15", "2027-01-08", ""],
    ["RW-PRV-01", "Driver monitoring", "Driver-facing lens records on triggered events only",
     "SG-07/02; order form 3.3(b)", "10s before / 20s after; no continuous recording", "In progress",
     "T. Ashworth", "2027-01-16", "2027-01-08",
     "Verified on 12 Warrington vans on 6 Jan. Full check in pilot week 1. Cadence email of 28 Nov said 15s/15s - contract says 10s/20s and that is what is configured."],
    ["RW-PRV-02", "Driver monitoring", "Cab audio disabled in firmware", "Order form 3.3(c)",
     "No audio on any channel", "Implemented", "T. Ashworth", "2027-01-11", "2027-01-08",
     "Firmware 3.8.2+ required. 3 units found on 3.7.x on 6 Jan and reflashed."],
    ["RW-PRV-03", "Driver monitoring", "Driver ID facial matching disabled", "SG-07/03; order form 3.3(e)",
     "Disabled at tenant level; no templates", "In progress", "S. Gallagher", "2027-01-15", "2027-01-08",
     "Tenant flag screenshot received 7 Jan. Written confirmation that DMS generates no templates still awaited."],
    ["RW-PRV-04", "AI / model training", "No pooled training on Harbourline telematics", "Order form 3.4",
     "Opt-out in effect", "Implemented", "S. Gallagher", "", "2026-12-20",
     "Contractual; no fee uplift. Technical evidence (export job exclusion) not yet seen."],
    ["RW-PRV-05", "Retention", "Chatbot transcripts held by Cadence", "SG-07/07; order form 6.6(f)",
     "90 days", "Implemented", "S. Gallagher", "", "2027-01-08", "Configured. First purge will run 90 days after chatbot launch."],
    ["RW-PRV-06", "Retention", "Lumen zero data retention", "Order form 6.6(g), 10.4(iv)",
     "ZDR in effect before national roll-out", "In progress", "J. Ellis (Cadence)", "2027-05-31", "2027-01-08",
     "Cadence email 5 Jan 2027: Lumen approved ZDR 'in principle'. No written confirmation from Lumen. 30 days applies meanwhile."],
    ["RW-PRV-07", "Transfers", "Transfer risk assessment - Philippines (Bayanihan)", "Order form 6.9; A6-03",
     "TRA received and accepted by DPO", "In progress", "S. Gallagher", "2026-12-20", "2027-01-08",
     "Late. Draft received 6 Jan 2027, under review in DPO office."],
    ["RW-PRV-08", "Governance", "DPIA approved by DPO", "Order form 10.4(iii)",
     "Signed off", "In progress", "S. Gallagher", "2027-01-11", "2027-01-08",
     "v0.7 approved 8 Jan for pilot scope only, with conditions. Full DPIA for national roll-out still open."],
    ["RW-PRV-09", "Driver monitoring", "Private use mode for vans kept at home", "Order form 3.3(f)",
     "No location capture outside rostered hours", "Not started", "J. Ellis (Cadence)", "2027-03-31", "2027-01-08",
     "Interim: out-of-hours location hidden from depot roles since 5 Jan. 143 vans affected."],
    ["RW-PRV-10", "Retention", "SafeDrive event clip retention", "Order form 6.6(c)",
     "30 days; flagged max 12 months", "Implemented", "O. Pritchard", "", "2027-01-08", ""],
    ["RW-PRV-11", "Retention", "POD photo retention", "Order form 6.6(e)", "90 days",
     "Implemented", "O. Pritchard", "", "2027-01-08", "DPIA v0.5 had 6 months proposed - contract says 90 days."],
    ["RW-PRV-12", "Transparency", "Privacy notices (drivers UK/IE, customers, chatbot)", "DPIA s3.3",
     "Published before processing starts", "In progress", "S. Gallagher", "2027-01-25", "2027-01-08",
     "UK driver notice issued 4 Jan. Irish notice waits for works council second session. Chatbot notice ready for launch."],
    ["RW-PRV-13", "Sub-processors", "Sub-processor list consistent across DPIA and contract", "Order form 6.8",
     "Single agreed list", "Open", "S. Gallagher", "2027-01-29", "2027-01-08",
     "Contract Table 3 includes Functional Software Inc. (Sentry, US). Not in TPSQ J.1 or DPIA Annex A."],
    ["RW-SLA-01", "Service levels", "Optimise availability", "Order form Table 2", "99.9% monthly",
     "Not yet measured", "C. Reid", "", "2027-01-08", "Measurement starts 12 Jan 2027."],
    ["RW-SLA-02", "Service levels", "Route plans published by 05:30 local time", "Order form Table 2",
     "99% of operating days", "Not yet measured", "C. Reid", "", "2027-01-08",
     "Dublin pilot start moved to 26 Jan 2027 after works council - Dublin figures from then."],
    ["RW-SLA-03", "Service levels", "P1 support response", "Order form Table 2", "15 minutes, 24x7",
     "Not yet measured", "C. Reid", "", "2027-01-08", "Overnight P1s triaged by Bayanihan (Manila)."],
    ["RW-GOV-01", "Commercial", "Insurance certificates", "Order form 11.1",
     "All five covers evidenced", "In progress", "D. Okafor", "2026-12-18", "2027-01-08",
     "Received 21 Dec: PI/tech E&O GBP 10m, cyber GBP 10m, PL, EL. Product liability certificate outstanding."],
    ["RW-GOV-02", "Commercial", "Parent company guarantee (Cadence Fleet Inc.)", "Order form 12.2",
     "Delivered on signature", "Closed", "D. Okafor", "2026-12-18", "2026-12-20", "Original received 18 Dec."],
]


def build_tracker():
    path = os.path.join(OUT, "controls-tracker.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(TRACKER_HEADER)
        for r in TRACKER_ROWS:
            assert len(r) == len(TRACKER_HEADER), r[0]
            w.writerow(r)


def main():
    build_contract()
    build_dpia()
    build_tpsq()
    build_minutes()
    build_tracker()
    for name in ["contract-schedule.docx", "dpia-draft.docx",
                 "security-questionnaire-response.pdf", "steering-minutes.pdf",
                 "controls-tracker.csv"]:
        p = os.path.join(OUT, name)
        print("%-40s %8d bytes" % (name, os.path.getsize(p)))


if __name__ == "__main__":
    main()
