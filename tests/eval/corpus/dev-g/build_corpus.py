#!/usr/bin/env python3
"""Build the binary documents for the RouteWise Fleet document set.

Produces contract-schedule.docx, dpia-draft.docx, vendor-security-response.pdf and
controls-register.xlsx in the directory containing this script. Output is intended
to be byte-identical on every run (fixed core properties, fixed zip timestamps,
reportlab invariant mode).
"""

import datetime as dt
import io
import os
import re
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Cm

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

rl_config.invariant = 1

HERE = os.path.dirname(os.path.abspath(__file__))
ZIP_TIME = (2026, 12, 16, 9, 0, 0)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def normalize_zip(path, created_iso, modified_iso):
    """Rewrite an OOXML zip with fixed timestamps and fixed core-property dates."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)",
                              r"\g<1>" + created_iso + r"\g<2>", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              r"\g<1>" + modified_iso + r"\g<2>", text)
                data = text.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


def set_core(doc, title, author, subject, created, modified, last_by, revision,
             category="", keywords=""):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.subject = subject
    cp.created = created
    cp.modified = modified
    cp.last_modified_by = last_by
    cp.revision = revision
    cp.category = category
    cp.keywords = keywords
    cp.comments = ""
    cp.last_printed = modified


def base_font(doc, name="Arial", size=10):
    st = doc.styles["Normal"]
    st.font.name = name
    st.font.size = Pt(size)


def add_table(doc, header, rows, widths=None, font_size=9):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for i, h in enumerate(header):
        cell = t.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(h)
        run.bold = True
        run.font.size = Pt(font_size)
    for r in rows:
        cells = t.add_row().cells
        for i, v in enumerate(r):
            cells[i].text = ""
            run = cells[i].paragraphs[0].add_run(str(v))
            run.font.size = Pt(font_size)
    if widths:
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
    doc.add_paragraph("")
    return t


# ---------------------------------------------------------------------------
# 1. Contract schedule (bold paragraphs as headings, no heading styles)
# ---------------------------------------------------------------------------

def build_contract(path):
    doc = Document()
    base_font(doc)
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.2)

    def bold(text, size=None, center=False):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        if size:
            r.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    def para(text):
        return doc.add_paragraph(text)

    bold("ORDER FORM AND CONTRACT SCHEDULE", 14, center=True)
    bold("RouteWise Fleet Subscription Services", 12, center=True)
    para("Order Form reference: TT-OF-2026-0147    Version: 1.0 (execution version)    "
         "Date: 14 October 2026    Customer PO: 4500918832")
    para("This Order Form is made between (1) Tavistock Telematics Ltd, registered in England "
         "and Wales under number 08814372, of 4th Floor, Kennet Place, 121 Kings Road, Reading "
         "RG1 3ES (\"Supplier\"); and (2) Castlereagh Freight Ltd, registered in England and "
         "Wales under number 03196655, of Castlereagh House, Gemini Park, Warrington WA5 7XX "
         "(\"Customer\").")
    para("It incorporates the Supplier's Master Subscription Terms version 6.2 (the \"MST\"). "
         "This Order Form prevails over the MST, and clause 14 prevails over both.")

    bold("1. Definitions")
    for t in [
        "1.1 \"Services\" means the modules listed in clause 3, the Support Services and the "
        "Implementation Services.",
        "1.2 \"Vehicle\" means a heavy goods vehicle of Customer fitted with a Telematics "
        "Unit; \"Active Vehicle\" means a Vehicle that has transmitted data in the relevant "
        "calendar month.",
        "1.3 \"Pilot Vehicles\" means up to 60 Vehicles at the Daventry depot nominated by "
        "Customer for the Pilot described in clause 4.2.",
        "1.4 \"Event Clip\" means a video segment of up to 20 seconds uploaded from a Camera "
        "after a Trigger Event (harsh braking or cornering, collision, speeding, fatigue alert "
        "or the in-cab event button).",
        "1.5 \"Customer Data\" means all data, including Personal Data and Event Clips, "
        "supplied to or generated by the Services for Customer.",
        "1.6 \"Business Hours\" means 08:00 to 18:00 UK time, Monday to Friday, excluding "
        "English bank holidays.",
        "1.7 \"Go-Live Date\" means, for each Wave, the date of Customer's Wave Acceptance "
        "Certificate.",
        "1.8 \"AI Features\" means fatigue detection and the Route Optimisation Engine.",
    ]:
        para(t)

    bold("2. Term")
    para("2.1 This Order Form commences on 1 November 2026 (the \"Effective Date\") and "
         "continues for an Initial Term of 48 months, expiring on 31 October 2030.")
    para("2.2 It then renews automatically for periods of 12 months unless either party gives "
         "at least 6 months' written notice before the end of the current term.")

    bold("3. Services and Fees")
    para("3.1 All amounts are in GBP and exclude VAT.")
    add_table(doc, ["Item", "Unit", "Qty", "Unit price (GBP)", "Total (GBP)"], [
        ["RouteWise Core (live tracking, reporting, tachograph connector)",
         "per Vehicle per month", "640", "38.50", "295,680.00 per year"],
        ["Video Safety Module (dual-lens camera service, Event Clip storage, Driver "
         "Behaviour Scoring)", "per Vehicle per month", "640", "14.00",
         "107,520.00 per year"],
        ["Route Optimisation Engine", "per month", "1", "4,200.00", "50,400.00 per year"],
        ["Telematics Unit TU-500 (purchased)", "each", "640", "295.00", "188,800.00 one-off"],
        ["Camera KV-D3 (purchased; made by Kestrel Vision GmbH)", "each", "640", "640.00",
         "409,600.00 one-off"],
        ["Installation at depot", "per Vehicle", "640", "120.00", "76,800.00 one-off"],
        ["Implementation Services", "fixed", "1", "186,000.00", "186,000.00 one-off"],
        ["Total recurring at full deployment", "", "", "", "453,600.00 per year"],
        ["Total one-off", "", "", "", "861,200.00"],
    ], widths=[7.0, 3.2, 1.2, 2.6, 3.4])
    para("3.2 Subscription fees for a Vehicle are payable from the earlier of its Wave's "
         "Go-Live Date and 30 days after installation. Pilot Vehicles are charged at 50% of "
         "the unit price until Pilot Acceptance.")
    para("3.3 Implementation Services are invoiced 30% on signature, 40% on Pilot Acceptance "
         "and 30% on the Go-Live Date of Wave 3. Invoices are payable within 45 days.")
    para("3.4 From 1 January 2028 Customer commits to a minimum of 560 Active Vehicles.")

    bold("4. Implementation and Rollout")
    para("4.1 Supplier shall deliver the Implementation Services in line with the "
         "Implementation Plan at Annex B (version 2.1, 7 October 2026).")
    para("4.2 Rollout phases:")
    add_table(doc, ["Phase", "Depot", "Vehicles", "Planned start", "Target date"], [
        ["Pilot", "Daventry", "60", "1 February 2027", "Pilot Acceptance 16 April 2027"],
        ["Wave 1", "Daventry (remaining) and Warrington", "90 + 240", "3 May 2027",
         "Go-Live 30 June 2027"],
        ["Wave 2", "Avonmouth", "140", "2 August 2027", "Go-Live 30 September 2027"],
        ["Wave 3", "Grangemouth", "110", "4 October 2027", "Go-Live 30 November 2027"],
    ], widths=[2.0, 5.0, 2.2, 3.4, 4.8])
    para("4.3 Pilot Acceptance requires, over 10 consecutive working days, that (a) at least "
         "98% of Pilot Vehicles report position at least every 60 seconds while the ignition "
         "is on; (b) at least 99% of SAP S/4HANA orders are processed without manual "
         "intervention; and (c) no Severity 1 or 2 defect is open.")
    para("4.4 If Pilot Acceptance is late for reasons attributable to Supplier, Supplier shall "
         "pay delay payments of £1,500 per working day, capped at £45,000.")
    para("4.5 Both the forward-facing and the driver-facing lens of each Camera shall be "
         "activated from installation, including on Pilot Vehicles, subject to Customer's "
         "configuration. Audio capture shall be disabled at device level on all Cameras.")

    bold("5. Integrations")
    para("5.1 SAP S/4HANA: orders are read via OData every 15 minutes; next-day route plans are "
         "written back by 19:00.")
    para("5.2 Workday: driver records (name, employee number, depot, licence categories and "
         "expiry) are synchronised daily at 02:00.")
    para("5.3 Okta: office users sign in by SAML 2.0 with MFA enforced by Customer. Drivers "
         "sign in to the in-cab unit with their tachograph card and a 4-digit PIN.")
    para("5.4 Tachograph: driver card data shall be downloaded at least every 28 days and "
         "vehicle unit data at least every 90 days, and delivered to Pennine Compliance "
         "Services Ltd.")

    bold("6. Service Levels")
    para("6.1 The Platform shall be available 99.5% of each calendar month, excluding Planned "
         "Maintenance of up to 4 hours per month on Sundays between 01:00 and 05:00.")
    add_table(doc, ["Monthly availability", "Service credit (% of monthly subscription fees)"], [
        ["below 99.5% but at least 99.0%", "5%"],
        ["below 99.0% but at least 98.0%", "10%"],
        ["below 98.0%", "20%"],
    ], widths=[7.0, 9.0])
    para("6.2 Service credits are capped at 20% of monthly fees and are Customer's sole "
         "financial remedy for availability failures, without prejudice to clause 12.3.")
    add_table(doc, ["Severity", "Cover", "Response", "Workaround"], [
        ["1 - Platform down or no tracking for over 10% of Vehicles", "24x7", "30 minutes",
         "4 hours"],
        ["2 - Major function degraded", "24x7", "1 hour", "8 hours"],
        ["3 - Minor fault", "Business Hours", "1 Business Day", "5 Business Days"],
    ], widths=[8.0, 2.6, 2.8, 3.2])
    para("6.3 Route plans shall be available by 19:00 on at least 97% of working days per "
         "month. Event Clips shall upload within 15 minutes where mobile coverage allows.")

    bold("7. Support Services")
    para("7.1 Support Services are provided by Supplier's service desk in Reading, United "
         "Kingdom. Supplier shall not provide Support Services from, or permit access to "
         "Customer Data from, any location outside the United Kingdom without Customer's "
         "prior written consent.")
    para("7.2 Supplier shall appoint a named Customer Success Manager.")

    bold("8. Customer Responsibilities")
    para("8.1 Customer shall make each Vehicle available for installation for up to 4 hours, "
         "display in-cab privacy notices and consult its workforce as required by law.")

    bold("9. AI Features")
    para("9.1 Route plans are recommendations; Customer's planners approve each plan and remain "
         "responsible for drivers' hours compliance.")
    para("9.2 Supplier shall not use Driver Behaviour Scores or fatigue alerts to make any "
         "decision about an individual driver.")
    para("9.3 Supplier shall not use Customer Data to train or improve any AI model, other than "
         "to provide the Services to Customer, unless Customer opts in in writing.")
    para("9.4 The fatigue detection model runs on the Camera. No facial recognition or "
         "biometric identification function shall be enabled for Customer.")

    bold("10. Security")
    para("10.1 Supplier shall maintain ISO/IEC 27001:2022 certification and Cyber Essentials "
         "Plus throughout the Term, and commission an annual CREST-accredited penetration "
         "test, providing a summary within 30 days.")
    para("10.2 Customer Data shall be encrypted at rest (AES-256) and in transit (TLS 1.2 or "
         "higher).")
    para("10.3 Supplier shall notify Customer of any Security Incident affecting Customer Data "
         "without undue delay and in any event within 24 hours of becoming aware of it.")

    bold("11. Liability")
    para("11.1 Nothing limits liability for death or personal injury caused by negligence, for "
         "fraud, or for any liability that cannot be limited by law.")
    para("11.2 Subject to clauses 11.1 and 11.3, each party's total liability in each Contract "
         "Year shall not exceed the greater of £750,000 and 125% of the Fees paid or payable "
         "in the preceding 12 months.")
    para("11.3 Supplier's total liability for breach of clause 10 or clause 14 shall not exceed "
         "£2,000,000 in aggregate over the Term. Costs of notifying data subjects and of "
         "forensic investigation are recoverable under this clause.")
    para("11.4 Supplier shall maintain cyber and professional indemnity insurance of at least "
         "£5,000,000 each per claim.")

    bold("12. Termination")
    para("12.1 Either party may terminate for material breach not remedied within 30 days.")
    para("12.2 If Pilot Acceptance has not been achieved by 30 June 2027, Customer may "
         "terminate on 30 days' notice with a refund of prepaid subscription fees. Hardware "
         "already paid for remains Customer's property.")
    para("12.3 Customer may terminate if availability is below 95% in two consecutive months.")
    para("12.4 On termination Supplier shall export all Customer Data (CSV or JSON; Event Clips "
         "in MP4) within 30 days, delete it within 60 days of export and certify deletion. "
         "Exit assistance is charged at £950 per day.")

    bold("13. Governing Law")
    para("13.1 The law of England and Wales governs this Order Form.")

    bold("14. Data Protection")
    para("14.1 Customer is controller and Supplier is processor. Data subjects are Customer's "
         "drivers (approximately 1,100, including agency drivers), transport office users "
         "(approximately 180) and members of the public captured in forward-facing footage. "
         "No special category data is intended to be processed.")
    para("14.2 Supplier shall retain Customer Data for the periods below and then delete it "
         "automatically.")
    add_table(doc, ["Data", "Retention"], [
        ["Event Clips", "90 days from upload"],
        ["Event Clips flagged by Customer as an Incident", "until unflagged, maximum 6 years"],
        ["Continuous footage on Camera SD card",
         "overwritten in a loop (approximately 72 hours of driving); uploaded only on "
         "Customer request"],
        ["GPS and telematics data", "24 months rolling"],
        ["Driver Behaviour Scores", "13 months"],
        ["Route plans", "36 months"],
        ["Audit logs", "12 months"],
    ], widths=[7.0, 9.0])
    para("14.3 Customer may shorten any period in clause 14.2 by configuration at no charge.")
    para("14.4 Customer Data shall be hosted in AWS eu-west-2 (London), with encrypted backups "
         "in AWS eu-west-1 (Ireland), and in no other location without Customer's prior "
         "written consent.")
    para("14.5 Customer authorises the sub-processors below (Annex D). Supplier shall give 30 "
         "days' notice of any new sub-processor.")
    add_table(doc, ["Sub-processor", "Service", "Location"], [
        ["Amazon Web Services EMEA SARL", "Hosting and storage",
         "United Kingdom; Ireland (backups)"],
        ["Kestrel Vision GmbH, Stuttgart", "Camera firmware, remote diagnostics, second-line "
         "Camera support", "Germany"],
        ["Sentinel Messaging Ltd", "SMS alerts", "United Kingdom"],
    ], widths=[5.5, 7.0, 4.0])
    para("14.6 No Restricted Transfer shall take place without Customer's prior written consent "
         "and an International Data Transfer Agreement in place.")
    para("14.7 Supplier shall assist with DPIAs, answer data subject requests within 5 Business "
         "Days, and notify any Personal Data Breach within 24 hours of becoming aware of it.")

    bold("15. Signatures")
    add_table(doc, ["", "For Supplier", "For Customer"], [
        ["Name", "James Tavener", "Martin Broadhurst"],
        ["Title", "Chief Commercial Officer", "Chief Financial Officer"],
        ["Signature", "[signed]", "[signed]"],
        ["Date", "21 October 2026", "21 October 2026"],
    ], widths=[3.0, 6.5, 6.5])

    set_core(doc, "Order Form TT-OF-2026-0147 - RouteWise Fleet", "Rebecca Holt",
             "Contract schedule - Castlereagh Freight Ltd",
             dt.datetime(2026, 10, 7, 9, 30, 0), dt.datetime(2026, 10, 14, 16, 5, 0),
             "Rebecca Holt", 7, category="Contract", keywords="RouteWise; Order Form")
    doc.save(path)
    normalize_zip(path, "2026-10-07T09:30:00Z", "2026-10-14T16:05:00Z")


# ---------------------------------------------------------------------------
# 2. DPIA draft (Word heading styles)
# ---------------------------------------------------------------------------

def build_dpia(path):
    doc = Document()
    base_font(doc, "Calibri", 11)
    doc.add_heading("Data Protection Impact Assessment: RouteWise Fleet telematics and "
                    "video safety", level=0)
    doc.add_paragraph("Reference: CFL-DP-DPIA-2026-011    Version 0.4 DRAFT    9 December 2026"
                      "    Classification: Internal - Confidential")
    doc.add_paragraph("Owner: Gareth Lowndes, Data Protection Officer. Business owner: Fiona "
                      "McAllister, Transport Director.")

    doc.add_heading("1. Document control", level=1)
    add_table(doc, ["Version", "Date", "Author", "Changes"], [
        ["0.1", "2 October 2026", "G. Lowndes", "Screening and initial scope"],
        ["0.2", "30 October 2026", "G. Lowndes, D. Chauhan",
         "Processing description from Order Form TT-OF-2026-0147"],
        ["0.3", "23 November 2026", "G. Lowndes", "Union consultation; retention proposal"],
        ["0.4", "9 December 2026", "G. Lowndes",
         "Pilot changes (CCN-002 draft); transfers section; risks re-scored"],
    ], widths=[1.6, 3.2, 3.6, 8.0])

    doc.add_heading("2. Purpose and scope", level=1)
    doc.add_paragraph(
        "Castlereagh Freight Ltd (\"Castlereagh\") is replacing its on-premise tracking system, "
        "TrakServe 4 (in use since 2013, vendor support ending 31 March 2028), with RouteWise "
        "Fleet, a SaaS platform provided by Tavistock Telematics Ltd (\"Tavistock\") under "
        "Order Form TT-OF-2026-0147, signed on 21 October 2026. This DPIA covers all 640 HGVs "
        "at Warrington, Daventry, Avonmouth and Grangemouth, starting with a 75-vehicle pilot "
        "at Daventry planned to begin on 19 April 2027. It does not cover warehouse CCTV, "
        "which has its own DPIA (CFL-DP-DPIA-2024-003).")
    doc.add_paragraph(
        "A full DPIA is required because the processing involves systematic monitoring of "
        "employees, new technology (AI-based fatigue detection and route optimisation) and "
        "location data on a large scale. Screening was completed on 2 October 2026 with a "
        "score of 14 out of 20.")

    doc.add_heading("3. Description of the processing", level=1)
    doc.add_heading("3.1 Nature of the processing", level=2)
    for t in [
        "The TU-500 telematics unit records position every 30 seconds while the ignition is "
        "on, together with speed, harsh braking, harsh cornering and idling.",
        "The KV-D3 camera has a forward-facing and a driver-facing lens and records "
        "continuously to an SD card while the ignition is on. A 20-second Event Clip is "
        "uploaded when a Trigger Event occurs.",
        "The fatigue model runs on the camera, analyses eye closure and head position, and "
        "raises an audible in-cab alert and an event on the platform.",
        "A Driver Behaviour Score (0 to 100) is calculated weekly for each driver.",
        "The Route Optimisation Engine uses SAP S/4HANA orders, driver availability from "
        "Workday and remaining drivers' hours from tachograph data to propose next-day routes "
        "for planners to approve.",
    ]:
        doc.add_paragraph(t, style="List Bullet")

    doc.add_heading("3.2 Data subjects", level=2)
    add_table(doc, ["Category", "Approx. number", "Notes"], [
        ["Employed HGV drivers", "960", "Records from Workday"],
        ["Agency drivers", "180", "Supplied by 3 agencies; not in Workday; load method TBC"],
        ["Transport office users", "185", "Planners, depot managers, traffic office; Okta"],
        ["Other road users and public", "Not quantifiable",
         "Captured incidentally by forward-facing lens"],
    ], widths=[5.0, 3.0, 8.4])

    doc.add_heading("3.3 Categories of personal data", level=2)
    add_table(doc, ["Data", "Source", "Used for"], [
        ["Name, employee number, driver card number", "Workday; tachograph card",
         "Linking journeys and events to drivers"],
        ["Location and journey data", "TU-500", "Live tracking, proof of delivery, planning"],
        ["Driving events", "TU-500", "Driver Behaviour Score and coaching"],
        ["Event Clips (forward and driver-facing)", "KV-D3",
         "Incident investigation, coaching, insurance claims"],
        ["Fatigue alerts", "KV-D3 on-device model", "In-cab alert; welfare follow-up"],
        ["Drivers' hours and tachograph data", "Pennine Compliance Services Ltd",
         "Legal compliance; route planning constraints"],
    ], widths=[5.6, 4.4, 6.4])
    doc.add_paragraph(
        "No biometric data is stored or processed. The fatigue model estimates eye closure and "
        "head position in real time on the camera; it does not create a template of the "
        "driver's face and does not identify the driver, who is identified by tachograph card "
        "and PIN. No audio is recorded: the KV-D3 microphone is disabled at device level "
        "(Order Form clause 4.5).")

    doc.add_heading("3.4 Where the data is held", level=2)
    doc.add_paragraph(
        "All Customer Data, including backups, is hosted by Tavistock in the AWS London region "
        "(eu-west-2). Tavistock's support desk is in Reading. No personal data is transferred "
        "outside the UK (but see section 9).")

    doc.add_heading("3.5 Changes since version 0.3", level=2)
    for t in [
        "Pilot start moved from 1 February 2027 to 19 April 2027 because of camera supply.",
        "Driver-facing lens disabled on all Pilot Vehicles, so no fatigue alerts in the pilot.",
        "Event Clip retention reduced from 90 to 30 days (pending CCN-002).",
        "Pilot Vehicles increased from 60 to 75.",
    ]:
        doc.add_paragraph(t, style="List Bullet")

    doc.add_heading("4. Consultation", level=1)
    add_table(doc, ["Stakeholder", "Date", "Method", "Outcome"], [
        ["TLWU Daventry branch (S. Kinsella)", "18 November 2026", "Meeting with HR",
         "Formal position received 20 November 2026"],
        ["Transport Director", "26 November 2026", "Decision by email",
         "Forward-facing only in pilot; joint review group"],
        ["Tavistock", "4 November - 8 December 2026", "Questionnaire CFL-SSQ v4; email",
         "Model Improvement Programme opt-out confirmed by email"],
        ["IT Security", "4 November 2026", "Review of vendor response",
         "Register risks R-04, R-05, R-07 raised"],
        ["Drivers directly", "TBC", "Depot briefings planned March 2027", "TBC"],
        ["ICO prior consultation", "N/A", "-",
         "Not required unless a high residual risk remains (TBC)"],
    ], widths=[4.2, 3.4, 4.2, 4.6])
    doc.add_paragraph(
        "The union's concerns are recording during rest periods in sleeper cabs, the length of "
        "retention, who may view driver-facing footage, use of scores in discipline, and equal "
        "treatment of agency drivers. The union has said it may register a formal dispute if "
        "driver-facing cameras are enabled without agreement.")

    doc.add_heading("5. Necessity and proportionality", level=1)
    doc.add_heading("5.1 Lawful basis", level=2)
    add_table(doc, ["Purpose", "Lawful basis"], [
        ["Live tracking and proof of delivery",
         "Art. 6(1)(f) legitimate interests; LIA-2026-07 completed 12 November 2026"],
        ["Driver Behaviour Score and coaching", "Art. 6(1)(f); LIA TBC"],
        ["Video Event Clips", "Art. 6(1)(f): road safety and defence of claims"],
        ["Tachograph and drivers' hours",
         "Art. 6(1)(c) legal obligation (retained Regulations 165/2014 and 561/2006)"],
        ["Fatigue alerts", "Art. 6(1)(f); Art. 9 condition TBC (see 5.3)"],
        ["Route optimisation", "Art. 6(1)(f)"],
    ], widths=[6.0, 10.4])

    doc.add_heading("5.2 Necessity and alternatives", level=2)
    doc.add_paragraph(
        "In 2025 Castlereagh recorded 212 road incidents, 9 of them assessed as fatigue-related, "
        "and third-party claims cost £1.38m. Forward-facing video is expected to reduce the "
        "cost of disputed claims. The case for the driver-facing lens is weaker and depends "
        "on pilot evidence; it will therefore not be enabled in the pilot. Fatigue detection "
        "based on steering input was considered but is not offered by Tavistock.")

    doc.add_heading("5.3 Special category data", level=2)
    doc.add_paragraph(
        "TBC. Whether fatigue alerts amount to data concerning health is under review. Advice "
        "has been requested from Brindley Shaw LLP and is due by 15 January 2027.")

    doc.add_heading("5.4 Automated decision-making", level=2)
    doc.add_paragraph(
        "No decision with a legal or similarly significant effect will be taken solely by "
        "automated means. Scores are for coaching only and will not be published in league "
        "tables. This depends on the Driver Monitoring Policy v1.0, which is in progress and "
        "due on 29 January 2027.")

    doc.add_heading("6. Retention", level=1)
    add_table(doc, ["Data", "Retention", "Source / comment"], [
        ["Event Clips (not flagged)", "30 days from upload",
         "CCN-002 draft; Order Form currently states 90 days"],
        ["Incident-flagged clips", "Until claim closed, maximum 6 years",
         "Limitation Act 1980"],
        ["Continuous footage on SD card", "Overwritten after about 72 hours of driving",
         "Device loop; not uploaded"],
        ["GPS and journey data", "12 months", "TBC - to be confirmed against Order Form"],
        ["Driver Behaviour Scores", "13 months", "Year-on-year comparison"],
        ["Fatigue alerts", "TBC", "Not generated during pilot"],
        ["Video viewing audit log", "12 months", "Vendor default"],
    ], widths=[4.6, 5.0, 6.8])

    doc.add_heading("7. Risks to individuals", level=1)
    add_table(doc, ["ID", "Risk", "Likelihood", "Severity", "Overall"], [
        ["D1", "Excessive monitoring of drivers, including in sleeper cabs during rest",
         "Probable", "Significant", "High"],
        ["D2", "Footage or scores used unfairly in disciplinary cases", "Possible",
         "Significant", "High"],
        ["D3", "Driver-facing clips viewed by staff without a need", "Possible", "Significant",
         "Medium"],
        ["D4", "Data transferred outside the UK without safeguards", "Possible", "Significant",
         "TBC"],
        ["D5", "Theft of a camera SD card exposing footage", "Possible", "Significant",
         "Medium"],
        ["D6", "False fatigue alerts (e.g. sunglasses) affecting drivers", "Probable",
         "Minimal", "Medium"],
        ["D7", "Clips kept longer than needed", "Probable", "Minimal", "Medium"],
        ["D8", "Agency drivers not informed", "Possible", "Significant", "Medium"],
    ], widths=[1.2, 7.8, 2.4, 2.6, 2.4])

    doc.add_heading("8. Measures", level=1)
    add_table(doc, ["Risk", "Measure", "Status", "Residual"], [
        ["D1", "Driver-facing lens disabled in pilot; Privacy Mode when parking brake on and "
         "engine off for more than 5 minutes; no audio", "Agreed; Privacy Mode to be tested in "
         "UAT", "Medium"],
        ["D2", "Driver Monitoring Policy: no sanction on a score or alert alone; driver shown "
         "clip first; TLWU joint review group", "In progress", "Low"],
        ["D3", "Video Reviewer role limited to 12 named users (3 per depot); Okta MFA; "
         "quarterly access review", "Planned", "Low"],
        ["D4", "Model Improvement Programme opt-out; written confirmation of UK-only support",
         "In progress", "TBC"],
        ["D5", "Only KV-D3 cameras on firmware 3.4 or later (SD card encryption)", "Planned",
         "Low"],
        ["D6", "Fatigue alerts inactive in pilot; thresholds reviewed before Wave 1", "Planned",
         "Low"],
        ["D7", "30-day retention configured via CCN-002", "In progress", "Low"],
        ["D8", "Briefings and privacy notice issued through the agencies", "TBC", "TBC"],
    ], widths=[1.2, 9.0, 4.0, 2.2])

    doc.add_heading("9. International transfers", level=1)
    doc.add_paragraph(
        "TBC. Section 3.4 reflects the position understood at version 0.2. Tavistock's "
        "security questionnaire response (version 1.1, 18 September 2026) states that "
        "encrypted backups are held in AWS eu-west-1 (Ireland); that fatigue-triggered clips "
        "may be sent to Kestrel Vision's environment in Frankfurt for up to 72 hours under a "
        "Model Improvement Programme; and that out-of-hours support is provided by Meridian "
        "Softworks Pvt Ltd in Pune, India. The Frankfurt point is being addressed by the "
        "opt-out. Tavistock's account manager has since said that out-of-hours support is "
        "provided from Reading. If access from India is confirmed, an International Data "
        "Transfer Agreement and a transfer risk assessment will be required before go-live.")

    doc.add_heading("10. Outstanding actions", level=1)
    add_table(doc, ["No.", "Action", "Owner", "Due"], [
        ["1", "Obtain signed CCN-002", "P. Raman", "18 December 2026"],
        ["2", "Written confirmation of location of out-of-hours support", "T. Ashworth",
         "15 January 2027"],
        ["3", "Legal advice on Article 9", "G. Lowndes", "15 January 2027"],
        ["4", "Driver Monitoring Policy v1.0", "H. Marsh", "29 January 2027"],
        ["5", "Privacy notice for employed and agency drivers", "G. Lowndes", "5 March 2027"],
        ["6", "UAT of Privacy Mode and automatic deletion", "D. Chauhan", "2 April 2027"],
    ], widths=[1.2, 8.4, 3.0, 3.8])

    doc.add_heading("11. DPO advice and sign-off", level=1)
    doc.add_paragraph(
        "DPO advice (draft): the pilot may proceed on a forward-facing-only basis once actions "
        "1 to 3 are complete. The driver-facing lens should not be enabled at any depot until "
        "this DPIA has been updated with pilot results and reviewed with the joint review "
        "group.")
    add_table(doc, ["Role", "Name", "Decision", "Signature", "Date"], [
        ["Data Protection Officer", "Gareth Lowndes", "", "", ""],
        ["Transport Director (business owner)", "Fiona McAllister", "", "", ""],
        ["Chief Information Officer", "Anita Desai", "", "", ""],
        ["Senior Information Risk Owner", "Martin Broadhurst", "", "", ""],
    ], widths=[4.8, 3.6, 3.2, 2.8, 2.0])

    set_core(doc, "DPIA - RouteWise Fleet (draft v0.4)", "Gareth Lowndes",
             "Data Protection Impact Assessment", dt.datetime(2026, 10, 2, 10, 15, 0),
             dt.datetime(2026, 12, 9, 16, 20, 0), "Gareth Lowndes", 12,
             category="DPIA", keywords="RouteWise; DPIA; draft")
    doc.save(path)
    normalize_zip(path, "2026-10-02T10:15:00Z", "2026-12-09T16:20:00Z")


# ---------------------------------------------------------------------------
# 3. Vendor security questionnaire response (PDF)
# ---------------------------------------------------------------------------

SSQ = [
    ("A. Governance and certification", [
        ("A1", "Do you hold a current ISO/IEC 27001 certificate covering the service?", "Yes",
         "Certificate IS-712443 issued by Albion Assurance Ltd, valid until 14 August 2027. "
         "Scope covers the RouteWise platform and our Reading office. Camera manufacture by "
         "Kestrel Vision is outside our scope."),
        ("A2", "Do you have a SOC 2 Type II report?", "No",
         "A SOC 2 Type I readiness assessment is planned for Q3 2027."),
        ("A3", "Do you hold Cyber Essentials Plus?", "Yes", "Renewed 2 June 2026."),
        ("A4", "Is a named individual accountable for information security?", "Yes",
         "Head of Information Security, reporting to the CTO."),
        ("A5", "Are staff with access to customer data security-vetted (BPSS or equivalent)?",
         "Partially", "BPSS for all UK staff with production access. Staff of partners are "
         "vetted by the partner under contract."),
        ("A6", "Do all staff complete annual security awareness training?", "Yes",
         "97% completion in FY2025/26; the remainder were on long-term leave."),
    ]),
    ("B. Data location and hosting", [
        ("B1", "Will all Customer Data be stored and processed in the UK?", "Yes",
         "Primary hosting is AWS eu-west-2 (London). Encrypted backups are replicated to AWS "
         "eu-west-1 (Dublin). Event Clips with a fatigue trigger are copied to Kestrel "
         "Vision's analytics environment in AWS eu-central-1 (Frankfurt) for up to 72 hours "
         "for false-positive review where the customer participates in the Model Improvement "
         "Programme, which is enabled by default for new tenants."),
        ("B2", "Name your hosting provider and regions.", "Yes",
         "Amazon Web Services: eu-west-2 across 3 availability zones; eu-west-1 for disaster "
         "recovery."),
        ("B3", "Is the service multi-tenant, and how are tenants separated?", "Yes",
         "Logical separation by tenant ID in the database. Event Clips are held in per-tenant "
         "S3 buckets."),
        ("B4", "Can the customer choose the hosting region?", "N/A",
         "All UK customers are hosted in a single UK region."),
        ("B5", "Where are support staff located?", "UK (Reading) during Business Hours",
         "Out-of-hours (18:00-08:00 and weekends) Severity 1 and 2 first-line support is "
         "provided by our partner Meridian Softworks Pvt Ltd, Pune, India, with read-only "
         "access to tenant configuration. Meridian engineers may view Event Clips where "
         "needed to diagnose upload faults."),
    ]),
    ("C. Identity and access", [
        ("C1", "Do you support SAML 2.0 or OIDC single sign-on?", "Yes",
         "SAML 2.0; tested with Okta, Entra ID and Ping."),
        ("C2", "Do you support SCIM user provisioning?", "Partially",
         "SCIM 2.0 for office users is on the roadmap for Q2 2027. Today users are provisioned "
         "by CSV upload or REST API."),
        ("C3", "Is MFA enforced for supplier staff with administrative access?", "Yes",
         "FIDO2 hardware keys are required for production access."),
        ("C4", "Is privileged access reviewed regularly?", "Yes", "Quarterly."),
        ("C5", "Can access to video be restricted by role?", "Yes",
         "6 standard roles. The Video Reviewer role is required to view driver-facing footage. "
         "Custom roles will be available from Q1 2027."),
        ("C6", "Are access logs available to the customer?", "Partially",
         "A log of video views is kept for 12 months and can be exported. API access logs are "
         "not exposed to customers."),
    ]),
    ("D. Encryption", [
        ("D1", "Is data encrypted at rest with AES-256?", "Yes",
         "AWS KMS with supplier-managed keys."),
        ("D2", "Is data encrypted in transit with TLS 1.2 or higher?", "Yes",
         "TLS 1.3 preferred. Cameras and telematics units connect using MQTT over TLS 1.2."),
        ("D3", "Is data on in-vehicle devices encrypted?", "Partially",
         "TU-500 storage is encrypted. KV-D2 camera SD cards are not encrypted. KV-D3 encrypts "
         "the SD card (AES-128) from firmware 3.4, expected January 2027; earlier KV-D3 "
         "firmware does not."),
        ("D4", "Can the customer manage its own encryption keys?", "No",
         "Customer-managed keys are not on the current roadmap."),
    ]),
    ("E. Security operations", [
        ("E1", "Do you carry out vulnerability scanning and patching?", "Yes",
         "Weekly scans. Critical vulnerabilities are patched within 14 days and high within "
         "30 days."),
        ("E2", "Is an independent penetration test carried out at least annually?", "Yes",
         "Last test March 2026 by Harrowgate Security (CREST): 0 critical, 2 high (both "
         "fixed), 7 medium (4 open). Summary available under NDA. Camera hardware was not in "
         "scope."),
        ("E3", "Do you follow a secure development lifecycle?", "Yes",
         "Peer review, SAST on every merge, DAST before each monthly release."),
        ("E4", "Is there 24x7 security monitoring?", "Partially",
         "Alerts are monitored 24x7 by Northgate Cyber Defence Ltd. Non-critical alerts are "
         "investigated in UK Business Hours."),
    ]),
    ("F. Incident management", [
        ("F1", "Will you notify customers of security incidents within 24 hours?", "Yes",
         "We will notify affected customers within 48 hours of confirming a personal data "
         "breach."),
        ("F2", "Have you had a reportable incident in the last 24 months?", "Yes",
         "May 2025: credential-stuffing attack on the customer portal; 14 user accounts at 2 "
         "customers accessed; no video accessed. MFA has since been made mandatory for "
         "portal users who do not use SSO."),
    ]),
    ("G. Business continuity", [
        ("G1", "What are your RTO and RPO?", "Yes",
         "RTO 8 hours and RPO 1 hour for the platform. RPO for Event Clips is 24 hours."),
        ("G2", "Is disaster recovery tested annually?", "Yes",
         "Last failover test to eu-west-1 in January 2026 took 6 hours 40 minutes."),
        ("G3", "What availability do you commit to?", "99.9%",
         "Monthly target. The contractual service level is as stated in the Order Form."),
    ]),
    ("H. Privacy and AI", [
        ("H1", "Do you act only as a processor for customer data?", "Yes",
         "Tavistock acts as controller for aggregated, anonymised benchmarking data (Fleet "
         "Index)."),
        ("H2", "Do you process special category or biometric data?", "No",
         "The optional DriverID feature identifies the driver by face matching on the camera "
         "at the start of a shift and stores a facial template on the camera and in the "
         "platform. DriverID is disabled by default."),
        ("H3", "What is the default retention for Event Clips?", "90 days",
         "Configurable per tenant from 7 to 365 days."),
        ("H4", "Is continuous footage kept on the device?", "Yes",
         "The SD card records in a loop of approximately 60 to 80 hours of driving, after "
         "which it is overwritten."),
        ("H5", "Is audio recorded?", "N/A",
         "The KV-D3 has a microphone. Audio capture is configurable and disabled by default."),
        ("H6", "Is there a privacy mode for rest periods?", "Yes",
         "The driver-facing lens is disabled when the parking brake is applied and the engine "
         "has been off for more than 5 minutes. It cannot be disabled while driving."),
        ("H7", "Does the service make automated decisions about individuals?", "Partially",
         "Fatigue alerts and Driver Behaviour Scores are generated automatically. The service "
         "takes no disciplinary or employment decisions; customers set thresholds and "
         "actions."),
        ("H8", "Where are AI models developed, trained and run?", "Yes",
         "The fatigue model is developed and trained by Kestrel Vision in Germany and runs on "
         "the camera; updates are delivered over the air. The Route Optimisation Engine is "
         "developed by Tavistock and runs in eu-west-2. Stop coordinates, without driver "
         "identifiers, are sent to Waymark Mapping BV (Netherlands) for travel-time data."),
        ("H9", "Is customer data used to train AI models?", "Partially",
         "Not for the Route Optimisation Engine. Fatigue Event Clips are used under the Model "
         "Improvement Programme (see B1). Customers may opt out."),
        ("H10", "Do you publish accuracy figures for AI models?", "Yes",
         "Fatigue detection: 91% precision and 87% recall on Kestrel's test set of 12,400 "
         "clips. False alerts are higher when drivers wear sunglasses."),
    ]),
    ("I. Supply chain", [
        ("I1", "List all sub-processors.", "Yes",
         "Amazon Web Services (UK, Ireland); Kestrel Vision GmbH (Germany); Meridian Softworks "
         "Pvt Ltd (India); Sentinel Messaging Ltd (UK); Northgate Cyber Defence Ltd (UK)."),
        ("I2", "Will you give notice of new sub-processors?", "Yes", "30 days' notice."),
        ("I3", "Do you assess the security of your suppliers?", "Yes",
         "Annual questionnaire; on-site audit of Kestrel Vision every 2 years, last in "
         "April 2025."),
    ]),
    ("J. In-vehicle devices", [
        ("J1", "Is device firmware signed and verified?", "Yes",
         "Signed firmware; secure boot on TU-500 and KV-D3."),
        ("J2", "Can firmware be updated over the air?", "Yes",
         "Staged rollout: 5% of a fleet first, then the remainder after 72 hours."),
        ("J3", "Can a lost or stolen device be wiped remotely?", "Partially",
         "A TU-500 can be deregistered and wiped. A camera SD card cannot be wiped remotely."),
    ]),
]


def build_pdf(path):
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontName="Helvetica",
                          fontSize=8.5, leading=10.5, alignment=TA_LEFT)
    bodyb = ParagraphStyle("bodyb", parent=body, fontName="Helvetica-Bold")
    title = ParagraphStyle("title", parent=styles["Title"], fontName="Helvetica-Bold",
                           fontSize=15, leading=19, alignment=TA_LEFT)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName="Helvetica-Bold",
                        fontSize=11, leading=14, spaceBefore=8, spaceAfter=4)
    normal = ParagraphStyle("n", parent=styles["Normal"], fontName="Helvetica",
                            fontSize=9.5, leading=12.5)

    def footer(canv, doc_):
        canv.saveState()
        canv.setFont("Helvetica", 7.5)
        canv.drawString(1.5 * cm, 1.0 * cm,
                        "Tavistock Telematics Ltd - Commercial in Confidence - "
                        "TT-SEC-RFI-0392 v1.1")
        canv.drawRightString(landscape(A4)[0] - 1.5 * cm, 1.0 * cm,
                             "Page %d" % doc_.page)
        canv.restoreState()

    doc = SimpleDocTemplate(
        path, pagesize=landscape(A4), leftMargin=1.5 * cm, rightMargin=1.5 * cm,
        topMargin=1.4 * cm, bottomMargin=1.6 * cm, invariant=1,
        title="Response to Supplier Security Questionnaire CFL-SSQ v4",
        author="Sarah Quinlan", subject="RouteWise Fleet - Castlereagh Freight Ltd",
        creator="Tavistock Telematics Ltd", producer="Tavistock Telematics Ltd",
        keywords="RouteWise, security, questionnaire")

    story = [
        Paragraph("RouteWise Fleet: Response to Castlereagh Freight Ltd Supplier Security "
                  "Questionnaire (CFL-SSQ v4)", title),
        Spacer(1, 4),
        Paragraph("Document reference: TT-SEC-RFI-0392 &nbsp;&nbsp; Version: 1.1 &nbsp;&nbsp; "
                  "Date: 18 September 2026 &nbsp;&nbsp; Classification: Commercial in "
                  "Confidence", normal),
        Paragraph("Prepared by: Sarah Quinlan, Head of Information Security, Tavistock "
                  "Telematics Ltd. Reviewed by: Oliver Pennington, Strategic Account Manager.",
                  normal),
        Spacer(1, 6),
        Paragraph("Answers describe the standard RouteWise Fleet service as at the date of "
                  "this response. Contractual commitments are those set out in the Order Form "
                  "and the Master Subscription Terms v6.2. Answer key: Yes / No / Partially / "
                  "N/A; where the questionnaire asked for a value, the value is given.",
                  normal),
        Spacer(1, 8),
    ]

    col_w = [1.3 * cm, 7.2 * cm, 3.4 * cm, 14.8 * cm]
    for i, (section, rows) in enumerate(SSQ):
        if i in (4, 8):
            story.append(PageBreak())
        story.append(Paragraph(section, h2))
        data = [[Paragraph("No.", bodyb), Paragraph("Question", bodyb),
                 Paragraph("Answer", bodyb), Paragraph("Comment", bodyb)]]
        for qn, q, a, c in rows:
            data.append([Paragraph(qn, body), Paragraph(q, body), Paragraph(a, bodyb),
                         Paragraph(c, body)])
        t = Table(data, colWidths=col_w, repeatRows=1)
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7f7f7f")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9e2ef")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        story.append(t)

    story.append(Spacer(1, 10))
    story.append(Paragraph("Signed for and on behalf of Tavistock Telematics Ltd: Sarah "
                           "Quinlan, Head of Information Security, 18 September 2026.", normal))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# ---------------------------------------------------------------------------
# 4. Controls register (xlsx)
# ---------------------------------------------------------------------------

def D(y, m, d):
    return dt.datetime(y, m, d)


README_ROWS = [
    ["RouteWise Fleet - IT Risk & Controls Register"],
    [""],
    ["Register owner", "Tom Ashworth, IT Security Manager"],
    ["Version", "0.7"],
    ["Last updated", D(2026, 12, 16)],
    ["Next review", D(2027, 1, 13)],
    ["Scope", "RouteWise Fleet SaaS (Tavistock Telematics Ltd) under Order Form "
              "TT-OF-2026-0147; TU-500 telematics units; KV-D3 cameras (Kestrel Vision GmbH); "
              "integrations with SAP S/4HANA, Workday, Okta and Pennine Compliance Services."],
    ["Scoring", "Likelihood 1-5 x Impact 1-5. 1-6 Low; 8-12 Medium; 15-25 High."],
    ["Control status", "Planned / In progress / Implemented"],
    ["Risk status", "Open / Closed"],
    ["Action status", "Open / In progress / Closed / Planned"],
    ["Governance", "Reviewed fortnightly at the RouteWise Programme Board (chair: Anita Desai, "
                   "CIO). Risks scoring 15 or more are escalated to the SIRO."],
    ["Related documents", "DPIA CFL-DP-DPIA-2026-011; Tavistock response TT-SEC-RFI-0392 v1.1; "
                          "Implementation Plan v2.1"],
]

CONTROLS_HDR = ["Control ID", "Area", "Control description", "Type", "Owner", "Evidence",
                "Status", "Last reviewed", "Next review", "Notes"]
CONTROLS = [
    ["C-01", "Identity & access", "Office users sign in to RouteWise through Okta SAML 2.0 "
     "SSO; local passwords disabled", "Preventive", "Tom Ashworth", "UAT test UAT-SSO-03",
     "In progress", D(2026, 12, 4), D(2027, 1, 29), "Staging integration built 02/12/2026"],
    ["C-02", "Identity & access", "MFA enforced by Okta policy RW-Office for all RouteWise "
     "users", "Preventive", "Tom Ashworth", "Okta policy export", "Planned", D(2026, 12, 4),
     D(2027, 3, 31), ""],
    ["C-03", "Identity & access", "Video Reviewer role limited to 12 named users (3 per "
     "depot); quarterly access review", "Preventive", "Depot general managers",
     "Access review record", "Planned", D(2026, 11, 27), D(2027, 6, 30),
     "First review due 30/06/2027"],
    ["C-04", "Identity & access", "Workday leaver triggers deactivation within 24 hours; "
     "interim daily CSV until SCIM (vendor Q2 2027)", "Preventive", "Karen Doyle",
     "Leaver reconciliation", "Planned", D(2026, 11, 12), D(2027, 4, 9), ""],
    ["C-05", "Data protection", "Event Clip retention configured to 30 days; incident-flagged "
     "clips excluded", "Preventive", "Gareth Lowndes", "Tenant configuration report",
     "In progress", D(2026, 12, 16), D(2027, 4, 2),
     "Order Form says 90 days until CCN-002 signed"],
    ["C-06", "Data protection", "Model Improvement Programme disabled for Castlereagh tenant",
     "Preventive", "Gareth Lowndes", "Vendor email 08/12/2026", "In progress", D(2026, 12, 16),
     D(2027, 1, 13), "Written confirmation outstanding"],
    ["C-07", "Data protection", "Driver-facing lens disabled in device profile DAV-PILOT-FWD "
     "for all Pilot Vehicles", "Preventive", "Dev Chauhan", "Device profile export", "Planned",
     D(2026, 11, 27), D(2027, 4, 12), "Decision 26/11/2026"],
    ["C-08", "Data protection", "Privacy Mode: driver-facing lens off when parking brake on and "
     "engine off > 5 minutes", "Preventive", "Dev Chauhan", "UAT test", "Planned",
     D(2026, 11, 27), D(2027, 4, 2), "Relevant from Wave 1 if lens enabled"],
    ["C-09", "Data protection", "Audio capture disabled at firmware level on all KV-D3",
     "Preventive", "Dev Chauhan", "Firmware config report", "Planned", D(2026, 11, 27),
     D(2027, 4, 2), "Order Form clause 4.5"],
    ["C-10", "Data protection", "DriverID face-matching feature not licensed and disabled in "
     "tenant", "Preventive", "Tom Ashworth", "Vendor confirmation", "Planned", D(2026, 12, 16),
     D(2027, 1, 29), "Feature exists (SSQ H2)"],
    ["C-11", "Hosting", "Customer Data hosted in AWS eu-west-2; DR/backups in eu-west-1 "
     "accepted by DPO", "Preventive", "Tom Ashworth", "Order Form 14.4; SSQ B1/B2",
     "Implemented", D(2026, 10, 30), D(2027, 10, 30), "DPO acceptance recorded 30/10/2026"],
    ["C-12", "Supplier", "Support from UK only; offshore access requires written consent "
     "(clause 7.1)", "Preventive", "Priya Raman", "Contract", "In progress", D(2026, 12, 9),
     D(2027, 1, 15), "See R-05"],
    ["C-13", "Encryption", "Only KV-D3 cameras on firmware 3.4 or later accepted at goods-in",
     "Preventive", "Lee Farrow", "Goods-in checklist", "Planned", D(2026, 11, 6),
     D(2027, 3, 22), "KV-D2 rejected 06/11/2026"],
    ["C-14", "Encryption", "TLS 1.2+ on all integrations (SAP OData, Workday, Pennine SFTP)",
     "Preventive", "Marek Nowak", "Integration design v1.3", "In progress", D(2026, 11, 20),
     D(2027, 2, 26), ""],
    ["C-15", "Logging", "Video view audit log exported monthly and sampled by DPO team",
     "Detective", "Gareth Lowndes", "Monthly export", "Planned", D(2026, 11, 27),
     D(2027, 5, 31), "Log kept 12 months by vendor"],
    ["C-16", "Supplier assurance", "Annual review of ISO 27001 certificate and pen-test "
     "summary", "Detective", "Tom Ashworth", "Pen-test summary received 12/11/2026",
     "Implemented", D(2026, 11, 12), D(2027, 8, 14), "Certificate expires 14/08/2027"],
    ["C-17", "Incident", "24-hour supplier breach notification (clause 10.3) tested in "
     "tabletop exercise", "Detective", "Tom Ashworth", "Exercise report", "Planned",
     D(2026, 11, 4), D(2027, 6, 9), "Vendor SSQ F1 says 48 hours"],
    ["C-18", "Availability", "Monthly SLA report checked against 99.5%; service credits "
     "claimed", "Detective", "Priya Raman", "Service review pack", "Planned", D(2026, 12, 9),
     D(2027, 7, 31), "From first Go-Live"],
    ["C-19", "Integration", "Daily SAP order reconciliation; exceptions above 1% escalated",
     "Detective", "Marek Nowak", "Reconciliation report", "Planned", D(2026, 11, 12),
     D(2027, 2, 26), ""],
    ["C-20", "Continuity", "TrakServe 4 kept as fallback until Wave 3 Go-Live + 90 days",
     "Corrective", "Dev Chauhan", "Decommission plan", "Planned", D(2026, 11, 12),
     D(2027, 11, 30), "Fallback ends 28/02/2028"],
]

RISKS_HDR = ["Risk ID", "Title", "Description", "Likelihood", "Impact", "Inherent score",
             "Linked controls", "Residual score", "Risk owner", "Status", "Review date"]
RISKS = [
    ["R-01", "Pilot delay", "KV-D3 supply slips pilot and Pilot Acceptance past 30/06/2027 "
     "(clause 12.2)", 3, 4, 12, "-", 12, "Dev Chauhan", "Open", D(2027, 1, 13)],
    ["R-02", "Union dispute", "TLWU dispute if driver-facing cameras enabled without agreement",
     4, 4, 16, "C-07, C-08", 8, "Fiona McAllister", "Open", D(2027, 1, 13)],
    ["R-03", "Excess retention", "Event Clips kept 90 days under Order Form", 3, 3, 9, "C-05",
     4, "Gareth Lowndes", "Open", D(2027, 1, 13)],
    ["R-04", "Frankfurt processing", "Fatigue clips copied to Kestrel eu-central-1 under Model "
     "Improvement Programme", 3, 4, 12, "C-06", 4, "Gareth Lowndes", "Open", D(2027, 1, 13)],
    ["R-05", "Offshore support", "Meridian Softworks (Pune) out-of-hours access to tenant "
     "configuration and Event Clips", 3, 4, 12, "C-12", 12, "Tom Ashworth", "Open",
     D(2027, 1, 13)],
    ["R-06", "SD card theft", "Footage exposed if camera SD card stolen", 3, 3, 9, "C-13", 4,
     "Tom Ashworth", "Open", D(2027, 3, 22)],
    ["R-07", "Breach notification", "Vendor practice 48h vs contractual 24h", 2, 4, 8, "C-17",
     6, "Tom Ashworth", "Open", D(2027, 6, 9)],
    ["R-08", "Leaver access", "No SCIM; leavers keep access", 3, 3, 9, "C-04", 6,
     "Karen Doyle", "Open", D(2027, 4, 9)],
    ["R-09", "SAP interface", "Order interface failure delays next-day routes", 2, 5, 10,
     "C-19", 6, "Marek Nowak", "Open", D(2027, 2, 26)],
    ["R-10", "Drivers' hours", "Route plans breach drivers' hours rules", 2, 5, 10, "C-19", 5,
     "Fiona McAllister", "Open", D(2027, 4, 19)],
    ["R-11", "Legacy platform", "TrakServe 4 on Windows Server 2012 R2 (unsupported) during "
     "transition", 4, 3, 12, "C-20", 9, "Tom Ashworth", "Open", D(2027, 1, 13)],
    ["R-12", "Interim cameras", "KV-D2 cameras (no SD encryption) fitted as interim", 2, 3, 6,
     "C-13", 2, "Dev Chauhan", "Closed", D(2026, 11, 6)],
]

ACTIONS_HDR = ["Action ID", "Action", "Linked risk", "Owner", "Raised", "Due", "Status",
               "Update"]
ACTIONS = [
    ["A-01", "Obtain signed CCN-002 (pilot date, vehicles, 30-day retention, driver-facing "
     "off)", "R-01, R-03", "Priya Raman", D(2026, 12, 1), D(2026, 12, 18), "In progress",
     "Draft v0.2 received 08/12/2026"],
    ["A-02", "Written confirmation of UK-only support, or sub-processor notice for Meridian",
     "R-05", "Tom Ashworth", D(2026, 11, 4), D(2027, 1, 15), "Open",
     "Account manager says Reading on-call"],
    ["A-03", "Written confirmation of Model Improvement Programme opt-out", "R-04",
     "Gareth Lowndes", D(2026, 12, 1), D(2026, 12, 18), "In progress", "Email 08/12/2026"],
    ["A-04", "Configure pilot device profile with driver-facing lens disabled (60 vehicles)",
     "R-02", "Dev Chauhan", D(2026, 11, 27), D(2027, 3, 1), "Open",
     "Due before pilot start"],
    ["A-05", "Okta SAML integration test in Tavistock staging", "-", "Tom Ashworth",
     D(2026, 11, 5), D(2027, 1, 29), "In progress", ""],
    ["A-06", "Obtain Tavistock pen-test summary", "-", "Tom Ashworth", D(2026, 10, 22),
     D(2026, 11, 20), "Closed", "Received 12/11/2026; 4 medium findings open at vendor"],
    ["A-07", "Legal advice on Article 9 (fatigue alerts)", "R-02", "Gareth Lowndes",
     D(2026, 12, 9), D(2027, 1, 15), "Open", "Brindley Shaw LLP instructed"],
    ["A-08", "Tabletop incident exercise with Tavistock", "R-07", "Tom Ashworth",
     D(2026, 11, 4), D(2027, 6, 9), "Planned", ""],
    ["A-09", "Define SAP reconciliation report", "R-09", "Marek Nowak", D(2026, 11, 12),
     D(2027, 2, 26), "In progress", ""],
    ["A-10", "TrakServe 4 decommission plan", "R-11", "Dev Chauhan", D(2026, 11, 12),
     D(2027, 9, 30), "Planned", ""],
    ["A-11", "Goods-in check of camera firmware version", "R-06", "Lee Farrow",
     D(2026, 11, 6), D(2027, 3, 19), "Open", ""],
    ["A-12", "Driver Monitoring Policy v1.0", "R-02", "Helen Marsh", D(2026, 11, 26),
     D(2027, 1, 29), "In progress", "Draft with TLWU review group"],
]

CHANGELOG_HDR = ["Version", "Date", "Author", "Change"]
CHANGELOG = [
    ["0.1", D(2026, 8, 26), "T. Ashworth", "Register created from tender evaluation "
     "(RFP CFL-IT-2026-04)"],
    ["0.2", D(2026, 9, 24), "T. Ashworth", "Initial controls added after supplier "
     "clarification meetings"],
    ["0.3", D(2026, 10, 22), "T. Ashworth", "Order Form signed; clause references added; "
     "C-11 implemented"],
    ["0.4", D(2026, 11, 4), "T. Ashworth", "Security questionnaire response reviewed; R-04, "
     "R-05, R-07 added"],
    ["0.5", D(2026, 11, 6), "D. Chauhan", "R-01 re-scored (KV-D3 delay); R-12 added and "
     "closed"],
    ["0.6", D(2026, 11, 27), "T. Ashworth", "Pilot forward-facing only; C-07 to C-09 added; "
     "A-04 raised"],
    ["0.7", D(2026, 12, 16), "T. Ashworth", "C-05 updated to 30 days; C-10 added; A-06 "
     "closed"],
]


def build_xlsx(path):
    wb = Workbook()
    hdr_font = Font(bold=True, color="FFFFFF")
    hdr_fill = PatternFill("solid", fgColor="1F4E78")
    wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(ws, header, rows, widths, date_cols=()):
        ws.append(header)
        for c in range(1, len(header) + 1):
            cell = ws.cell(row=1, column=c)
            cell.font = hdr_font
            cell.fill = hdr_fill
            cell.alignment = wrap
        for r in rows:
            ws.append(r)
        for row in ws.iter_rows(min_row=2, max_row=ws.max_row):
            for cell in row:
                cell.alignment = wrap
                if cell.column in date_cols and cell.value is not None:
                    cell.number_format = "DD/MM/YYYY"
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = "A1:%s%d" % (get_column_letter(len(header)), ws.max_row)

    ws = wb.active
    ws.title = "Read me"
    for r in README_ROWS:
        ws.append(r)
    ws["A1"].font = Font(bold=True, size=14)
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        row[0].font = Font(bold=True)
        for cell in row:
            cell.alignment = wrap
    ws["B5"].number_format = "DD/MM/YYYY"
    ws["B6"].number_format = "DD/MM/YYYY"
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 100

    sheet(wb.create_sheet("Controls"), CONTROLS_HDR, CONTROLS,
          [9, 16, 50, 11, 20, 26, 12, 13, 13, 34], date_cols=(8, 9))
    sheet(wb.create_sheet("Risks"), RISKS_HDR, RISKS,
          [8, 18, 50, 10, 8, 10, 14, 10, 18, 9, 13], date_cols=(11,))
    sheet(wb.create_sheet("Actions"), ACTIONS_HDR, ACTIONS,
          [9, 55, 11, 16, 12, 12, 12, 40], date_cols=(5, 6))
    sheet(wb.create_sheet("Change log"), CHANGELOG_HDR, CHANGELOG,
          [9, 12, 14, 70], date_cols=(2,))

    p = wb.properties
    p.creator = "Tom Ashworth"
    p.lastModifiedBy = "Tom Ashworth"
    p.title = "RouteWise Fleet - IT Risk & Controls Register"
    p.subject = "RouteWise Fleet programme"
    p.created = dt.datetime(2026, 8, 26, 9, 0, 0)
    p.modified = dt.datetime(2026, 12, 16, 17, 40, 0)
    wb.save(path)
    normalize_zip(path, "2026-08-26T09:00:00Z", "2026-12-16T17:40:00Z")


def main():
    build_contract(os.path.join(HERE, "contract-schedule.docx"))
    build_dpia(os.path.join(HERE, "dpia-draft.docx"))
    build_pdf(os.path.join(HERE, "vendor-security-response.pdf"))
    build_xlsx(os.path.join(HERE, "controls-register.xlsx"))


if __name__ == "__main__":
    main()
