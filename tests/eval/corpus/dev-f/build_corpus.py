#!/usr/bin/env python3
"""Deterministic generator for the dev-f corpus (StudentCompass, Fenwick Valley University).

All text lives in this script.  Running it (re)writes five files next to it:

    contract-schedule.docx        executed order form / special conditions schedule
    dpia-draft.docx               draft DPIA v0.4 (unapproved)
    vendor-security-response.pdf  vendor reply to the security questionnaire
    steering-minutes.pdf          draft minutes of project board meeting 7
    service-levels.csv            IT service team's service-level / KPI tracker

Everything is fictional.  Output is byte-for-byte reproducible: DOCX core
properties and zip timestamps are fixed, and reportlab runs with invariant=1.

Usage:  /work/main/.venv/bin/python build_corpus.py
"""

import csv
import datetime as dt
import io
import os
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (KeepTogether, PageBreak, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

rl_config.invariant = 1

OUT = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

def normalise_zip(data, date_time):
    """Rewrite a zip (docx) with fixed timestamps and attributes."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zi = zipfile.ZipInfo(item.filename, date_time=date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 3
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(item.filename))
    return out.getvalue()


def set_core(doc, title, author, subject, when, keywords="", comments=""):
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = subject
    cp.keywords = keywords
    cp.comments = comments
    cp.category = ""
    cp.content_status = ""
    cp.identifier = ""
    cp.language = "en-GB"
    cp.version = ""
    cp.revision = 1
    cp.created = when
    cp.modified = when
    cp.last_printed = when


def save_docx(doc, path, date_time):
    buf = io.BytesIO()
    doc.save(buf)
    with open(path, "wb") as fh:
        fh.write(normalise_zip(buf.getvalue(), date_time))


def shade(cell, hex_fill):
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def add_page_field(paragraph):
    run = paragraph.add_run()
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    run._r.append(fld)


def docx_table(doc, rows, widths_cm, font_pt=9, header_fill="D9D9D9",
               bold_first_col=False, style="Table Grid"):
    """rows[0] is the header row.  All cell paragraphs stay in Normal style."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles[style]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for r_idx, row in enumerate(rows):
        for c_idx, value in enumerate(row):
            cell = table.cell(r_idx, c_idx)
            cell.width = Cm(widths_cm[c_idx])
            lines = str(value).split("\n")
            para = cell.paragraphs[0]
            for l_idx, line in enumerate(lines):
                if l_idx:
                    para = cell.add_paragraph()
                para.paragraph_format.space_after = Pt(0)
                run = para.add_run(line)
                run.font.size = Pt(font_pt)
                if r_idx == 0 or (bold_first_col and c_idx == 0):
                    run.bold = True
            if r_idx == 0:
                shade(cell, header_fill)
    # mark first row as header row (repeats on page break in Word)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    hdr = OxmlElement("w:tblHeader")
    hdr.set(qn("w:val"), "true")
    tr_pr.append(hdr)
    doc.add_paragraph()
    return table


# ===========================================================================
# 1. CONTRACT SCHEDULE (DOCX, Normal style only)
# ===========================================================================

CONTRACT_REF = "FVU-CON-2026-0147"

KEY_DETAILS = [
    ["Item", "Detail"],
    ["Contract title", "StudentCompass Subscription — Order Form and Special Conditions Schedule"],
    ["Contract reference", "FVU-CON-2026-0147 (Supplier order reference LLS-UK-ORD-2026-0388)"],
    ["Procurement", "Invitation to Tender FVU-IT-2026-09, published 2 June 2026; award decision 15 September 2026"],
    ["Customer", "Fenwick Valley University, a higher education corporation, Chancellor's Building, Valley Road, Fenwick, West Midlands FV4 7UP, United Kingdom"],
    ["Supplier", "Lindqvist Learning Systems AB (organisation number 559214-3087), Lindholmspiren 7, SE-417 56 Göteborg, Sweden. VAT no. SE559214308701"],
    ["Supplier's UK implementation and support partner (subcontractor, not a party)", "Northbridge EdTech Partners Ltd (Company No. 10938472), Suite 5, Canal House, 12 Gas Street, Birmingham B1 2JT"],
    ["Service", "StudentCompass student-support case-management platform, provided as software-as-a-service (see clause 3)"],
    ["Effective Date", "19 October 2026 (date of last signature)"],
    ["Subscription Start Date", "1 December 2026"],
    ["Target Pilot Start Date", "11 January 2027"],
    ["Target Go-Live Date", "6 April 2027"],
    ["Long-stop Date", "30 September 2027"],
    ["Initial Term", "36 months from the Subscription Start Date, expiring 30 November 2029"],
    ["Renewal", "Automatic renewal for successive 12-month Renewal Terms, maximum two (final expiry no later than 30 November 2031); non-renewal notice at least 90 days before expiry"],
    ["Annual Subscription Fees", "£148,600 per Contract Year (list); Contract Year 1 £133,740 after 10% first-year discount; excl. VAT"],
    ["One-off fees", "Implementation £36,500 (fixed); training £4,800"],
    ["Estimated Initial Term value", "£472,240 excl. VAT, before indexation and usage charges"],
    ["University contract manager", "Daniel Osei, Programme Manager, Digital Transformation Office"],
    ["Supplier contract manager", "Anders Nyberg, Customer Success Director"],
    ["Governing law", "England and Wales"],
]

SLA_AVAIL = [
    ["Module", "Availability target (monthly)", "Service window", "Notes"],
    ["Wellbeing and Disability Case Management", "99.9%", "24 x 7", "Service Credits accrue from Pilot Start Date (clause 4.3)"],
    ["Attendance and Engagement Analytics (incl. at-risk score)", "99.5%", "24 x 7", "Weekly score refresh runs Sunday 01:00–05:00 UK time and is Planned Maintenance"],
    ["Compass Chat (AI chat assistant)", "99.0%", "24 x 7", "Unavailability caused solely by the LLM provider counts towards availability"],
    ["Appointment Booking and SMS reminders", "99.5%", "24 x 7", "SMS delivery by mobile network operators is excluded; hand-off to SMS sub-processor is included"],
    ["Integration connectors (Keystone, Entra ID, TimeGrid)", "99.5%", "24 x 7", "Measured as successful scheduled runs / API availability"],
]

SLA_SUPPORT = [
    ["Priority", "Definition (summary)", "Response", "Workaround", "Resolution"],
    ["P1 Critical", "Service or a module unavailable; suspected Personal Data Breach; safeguarding escalation failure", "30 minutes, 24 x 7", "4 hours", "8 hours"],
    ["P2 High", "Major function degraded for many users; integration run failed", "1 hour, 24 x 7", "8 hours", "2 Business Days"],
    ["P3 Medium", "Function impaired with workaround available", "4 Business Hours", "—", "5 Business Days"],
    ["P4 Low", "Cosmetic issue, question, documentation", "1 Business Day", "—", "Next scheduled release or 20 Business Days"],
]

SLA_DR = [
    ["Module", "Recovery Point Objective (RPO)", "Recovery Time Objective (RTO)"],
    ["Wellbeing and Disability Case Management", "4 hours", "8 hours"],
    ["Appointment Booking and SMS reminders", "4 hours", "12 hours"],
    ["Attendance and Engagement Analytics", "24 hours", "48 hours"],
    ["Compass Chat (transcripts and configuration)", "24 hours", "24 hours"],
]

RETENTION = [
    ["University Data", "Retention period", "Trigger / notes"],
    ["Wellbeing case notes and attachments", "6 years", "From the later of (i) closure of the case and (ii) the end of the student's last registration with the University"],
    ["Disability records and reasonable-adjustment plans", "6 years", "From the end of the student's last registration"],
    ["Compass Chat transcripts", "90 days", "From the date of the conversation. The University may reduce this to not less than 30 days under clause 9.4"],
    ["Compass Chat safety-escalation records", "Copied to the case record", "Escalated conversation excerpts become part of the case record and follow that period; the chat copy follows the transcript period"],
    ["At-risk scores and contributing factors", "13 months", "From the date each score is calculated"],
    ["Appointment records", "2 years", "From the appointment date, unless linked to a case record"],
    ["SMS delivery logs (at the SMS sub-processor)", "90 days", "From the date of sending"],
    ["Audit logs (user access to records)", "24 months", "Rolling"],
    ["Support tickets", "3 years", "From ticket closure; must not contain case-note content"],
    ["Backups", "35 days", "Rolling; deleted data may persist in backups until they expire"],
]

SUBPROCESSORS = [
    ["Sub-processor", "Service", "Processing location", "Transfer mechanism", "University Data accessed"],
    ["Microsoft Ireland Operations Limited (Microsoft Azure)", "Cloud hosting, storage, backup and disaster recovery", "Azure UK South (London); Azure UK West (Cardiff); Azure Sweden Central (Gävle) only under clause 11.4", "None required for UK regions; Sweden: UK adequacy regulations (EEA)", "All University Data"],
    ["Northbridge EdTech Partners Ltd", "Implementation, data migration from Maple, first-line support", "Birmingham", "Not applicable (UK)", "Tenant configuration; case records during migration only"],
    ["Halcyon AI, Inc.", "Large language model inference for Compass Chat (zero-data-retention endpoint)", "Ashburn", "UK Extension to the EU–US Data Privacy Framework; UK Addendum to the EU SCCs as fallback", "Chat prompts and responses; pseudonymous user identifier"],
    ["Meridian Support Services Private Limited", "Out-of-hours triage of P1 and P2 incidents", "Pune", "UK International Data Transfer Agreement (IDTA)", "Service telemetry, ticket content, tenant configuration metadata (see clause 5.2)"],
    ["Pellucid Messaging Ltd", "SMS appointment reminders", "Dublin", "UK adequacy regulations (EEA)", "Mobile number, first name, appointment date, time and location"],
    ["Trackwell Observability GmbH", "Application error monitoring", "Frankfurt", "UK adequacy regulations (EEA)", "Error traces with pseudonymous identifiers; free-text fields scrubbed before transmission"],
]

FEES = [
    ["Fee item", "Basis", "Amount (GBP, excl. VAT)"],
    ["Wellbeing and Disability Case Management", "Annual subscription, unlimited staff users", "£62,400"],
    ["Attendance and Engagement Analytics (incl. at-risk score)", "Annual subscription, up to 26,000 student records", "£38,500"],
    ["Compass Chat", "Annual subscription, includes 350,000 messages per Contract Year; excess £0.045 per message", "£21,000"],
    ["Appointment Booking and SMS reminders", "Annual subscription, includes 180,000 SMS segments per Contract Year; excess £0.034 per segment", "£14,200"],
    ["Platform, integration connectors and sandbox tenant", "Annual subscription", "£12,500"],
    ["Annual Subscription Fees (list)", "Per Contract Year", "£148,600"],
    ["First-year discount", "10% of Contract Year 1 Annual Subscription Fees only", "(£14,860)"],
    ["Contract Year 1 Subscription Fees", "Invoiced per clause 13.2", "£133,740"],
    ["Implementation services (Northbridge)", "Fixed fee; 50% on Effective Date, 50% on Go-Live Date", "£36,500"],
    ["Training", "Six train-the-trainer sessions, on site", "£4,800"],
    ["Exit assistance beyond clause 19.4 allowance", "Rate card, per consultant day", "£950"],
]

SIGNATURES = [
    ["Party", "Signatory", "Title", "Signature", "Date"],
    ["Fenwick Valley University", "Professor Martin Ashdown", "Chief Operating Officer", "Signed electronically", "16 October 2026"],
    ["Lindqvist Learning Systems AB", "Erik Lindqvist", "Chief Executive Officer (Verkställande direktör)", "Signed electronically", "19 October 2026"],
    ["Lindqvist Learning Systems AB", "Maja Bergström", "Chief Financial Officer", "Signed electronically", "19 October 2026"],
]

PROCESSING_PARTICULARS = [
    ["Particular", "Description"],
    ["Subject matter and duration", "Provision of the Services for the Term and the Exit Period"],
    ["Nature and purpose", "Hosting, storage, case management, analytics and scoring, AI chat assistance, appointment booking and reminders, support"],
    ["Data subjects", "Registered students (including students under 18), applicants who have accepted an offer and are enrolled on summer school, University staff users, emergency contacts and third parties named in case records"],
    ["Personal Data", "Identity and contact details, student number, date of birth, programme and enrolment data, timetable and attendance events, VLE activity, assessment submission and marks, at-risk scores, appointment data, mobile numbers, chat transcripts, staff user data, audit logs"],
    ["Special category data", "Data concerning health (mental health and disability), and any other special category data disclosed by students in case notes or chat"],
]

CONTRACT_BODY = [
    ("title", "STUDENTCOMPASS SUBSCRIPTION"),
    ("title", "ORDER FORM AND SPECIAL CONDITIONS SCHEDULE"),
    ("centre", "Contract reference FVU-CON-2026-0147  |  Supplier order reference LLS-UK-ORD-2026-0388"),
    ("centre", "EXECUTED VERSION — COMMERCIAL IN CONFIDENCE"),
    ("p", "This Order Form and Special Conditions Schedule (the “Schedule”) is dated the date of the last signature in the signature table in section 21 (the “Effective Date”) and is made between:"),
    ("p", "(1) FENWICK VALLEY UNIVERSITY, a higher education corporation whose principal office is at Chancellor's Building, Valley Road, Fenwick, West Midlands FV4 7UP, United Kingdom (the “University”); and"),
    ("p", "(2) LINDQVIST LEARNING SYSTEMS AB, a limited liability company (aktiebolag) incorporated in Sweden with organisation number 559214-3087, whose registered office is at Lindholmspiren 7, SE-417 56 Göteborg, Sweden (the “Supplier”)."),
    ("h", "Background"),
    ("p", "(A) The University ran a competitive procurement under Invitation to Tender FVU-IT-2026-09 for a student-support case-management platform to replace its Maple Student Support Suite, which is provided by Orchard Systems Ltd under contract FVU-CON-2019-0062."),
    ("p", "(B) The Supplier submitted a tender on 3 July 2026, which included its response to the University's Supplier Information Security Questionnaire. The tender and that response are not Contract Documents. Where anything in them is inconsistent with this Schedule, this Schedule prevails."),
    ("p", "(C) Northbridge EdTech Partners Ltd (“Northbridge”) is the Supplier's UK implementation and support partner and acts as the Supplier's subcontractor. Northbridge is not a party to this Schedule and the Supplier is responsible for Northbridge's acts and omissions as if they were its own."),

    ("h", "1. Key Contract Details"),
    ("c", "1.1 The key contract details are set out in Table 1. Table 1 forms part of this Schedule."),
    ("table", "Table 1 — Key contract details", KEY_DETAILS, [5.0, 11.5]),

    ("h", "2. Definitions and Order of Precedence"),
    ("c", "2.1 In this Schedule, capitalised terms have the meanings given in the Supplier's General Terms for Subscription Services (version 2026.1) (the “General Terms”) unless defined here, and:"),
    ("s", "(a) “Business Day” means a day other than a Saturday, Sunday or public holiday in England, and “Business Hours” means 08:00 to 18:00 UK time on a Business Day;"),
    ("s", "(b) “Contract Year” means each period of 12 months starting on the Subscription Start Date or an anniversary of it;"),
    ("s", "(c) “Data Protection Legislation” means the UK GDPR, the Data Protection Act 2018, the Privacy and Electronic Communications (EC Directive) Regulations 2003 and any successor legislation;"),
    ("s", "(d) “Go-Live Date” means the date on which the University confirms in writing that the Services are accepted for production use for all in-scope students;"),
    ("s", "(e) “Pilot” means the limited production use of the Services by the pilot cohort described in the Implementation Plan, and “Pilot Start Date” means the date on which the Pilot actually begins;"),
    ("s", "(f) “University Data” means all data, including Personal Data, supplied by or on behalf of the University, its students or staff, or generated by the Services from such data, including case notes, chat transcripts, at-risk scores, contributing factors, calibration parameters and derived features."),
    ("c", "2.2 If there is any conflict between the documents making up the Contract, the following order of precedence applies: (a) the Special Conditions in this Schedule; (b) the Data Processing Agreement at Annex B; (c) the Service Description (version 4.2, 1 September 2026) at Annex A; (d) the Implementation Plan (version 1.3, 12 October 2026) at Annex C; and (e) the General Terms."),
    ("c", "2.3 No online, click-through or shrink-wrap terms, and no terms printed on or referred to in any invoice, release note or support portal, apply to the University, even if a University user accepts them."),

    ("h", "3. Services and Scope"),
    ("c", "3.1 The Supplier shall provide the StudentCompass platform as a software-as-a-service subscription comprising the following modules:"),
    ("s", "(a) Wellbeing and Disability Case Management, for recording and managing wellbeing concerns, mental-health support, disability assessments and reasonable-adjustment plans;"),
    ("s", "(b) Attendance and Engagement Analytics, including the Compass Engagement Risk Model, which produces a weekly “at-risk” score for each student;"),
    ("s", "(c) Compass Chat, a student-facing AI chat assistant described in clause 11;"),
    ("s", "(d) Appointment Booking, with SMS and email reminders; and"),
    ("s", "(e) integration connectors for the University's student records system (“Keystone”), Microsoft Entra ID single sign-on, and the University's TimeGrid timetable system."),
    ("c", "3.2 Exclusions. The following are not in scope and shall not be enabled for the University without a Change Note signed by both parties:"),
    ("s", "(a) Compass Chat voice input and voice output features, which are not in scope for the Pilot or for the Initial Term;"),
    ("s", "(b) the “Compass Insights” cross-institution benchmarking service, and any contribution of University Data, whether aggregated or not, to that service;"),
    ("s", "(c) the StudentCompass native mobile applications; access during the Initial Term is by web browser only; and"),
    ("s", "(d) any facial-recognition, biometric attendance or device-location feature. The Supplier confirms that no biometric data is collected or processed by the Services as configured for the University."),
    ("c", "3.3 Compass Chat shall be disabled for any user whose Keystone record shows a date of birth indicating that the user is under 18 years of age. It shall stay disabled for that group until the University notifies the Supplier in writing that it may be enabled."),
    ("c", "3.4 Northbridge shall deliver the implementation services in accordance with the Implementation Plan, including the migration of case records from the Maple Student Support Suite. The target Pilot Start Date is 11 January 2027 and the target Go-Live Date is 6 April 2027. If the Go-Live Date has not occurred by the Long-stop Date of 30 September 2027 for reasons attributable to the Supplier or its subcontractors, the University may terminate under clause 18.3(a) and recover all implementation fees paid."),
    ("c", "3.5 The Pilot cohort, the Pilot exit criteria and the acceptance tests are set out in the Implementation Plan. The Pilot cohort at the Effective Date is approximately 2,600 students in three academic units."),

    ("h", "4. Service Levels"),
    ("c", "4.1 The Supplier shall meet the availability targets in Table 2, measured per calendar month. Planned Maintenance (not more than 8 hours per month, notified at least 5 Business Days in advance and carried out between 22:00 and 06:00 UK time) is excluded from the calculation. Emergency Maintenance is not excluded."),
    ("table", "Table 2 — Availability by module", SLA_AVAIL, [5.0, 2.6, 2.2, 6.7]),
    ("c", "4.2 The Supplier shall respond to and resolve incidents within the times in Table 3. Times run from logging of the incident by the University or detection by the Supplier, whichever is earlier."),
    ("table", "Table 3 — Incident response and resolution", SLA_SUPPORT, [2.2, 6.0, 2.8, 2.2, 3.3]),
    ("c", "4.3 The Service Levels apply from the Go-Live Date. During the Pilot the Supplier shall report performance against the Service Levels, but Service Credits shall not accrue, except for the Wellbeing and Disability Case Management module, for which Service Credits accrue from the Pilot Start Date."),
    ("c", "4.4 If availability for a module falls below its target in a month, the University is entitled to a Service Credit of 5% of the monthly Fees for that module for each 0.5 percentage point (or part) of shortfall. Service Credits are capped at 25% of the monthly Fees for the affected module and at 15% of the Annual Subscription Fees in any Contract Year. Service Credits are a price adjustment. They are not the University's sole remedy."),
    ("c", "4.5 The Supplier shall maintain backup and disaster-recovery arrangements that meet the objectives in Table 4. The Supplier shall test disaster recovery at least once in each Contract Year, the first test to be completed before the Pilot Start Date, and shall provide the test results to the University within 10 Business Days of each test."),
    ("table", "Table 4 — Recovery objectives", SLA_DR, [7.5, 4.5, 4.5]),
    ("c", "4.6 A Critical Service Level Failure occurs if (a) availability of the Wellbeing and Disability Case Management module is below 99.0% in any two months in a rolling six-month period, or (b) any P1 incident remains unresolved for more than 24 hours. A Critical Service Level Failure is a material breach that cannot be remedied."),

    ("h", "5. Support"),
    ("c", "5.1 Northbridge shall provide first-line support during Business Hours from Birmingham through the support portal and by telephone. Northbridge shall not close its service desk on a Business Day without giving the University at least 10 Business Days' notice and arranging equivalent cover."),
    ("c", "5.2 Outside Business Hours, P1 and P2 incidents are triaged by the Supplier's out-of-hours subcontractor, Meridian Support Services Private Limited (“Meridian”), from its service centre in Pune, with escalation to the Supplier's second-line engineering team in Gothenburg. The Supplier first disclosed this arrangement to the University on 2 October 2026. Meridian personnel shall have access only to service telemetry, ticket content and tenant configuration metadata. They shall have no access to case notes, chat transcripts, disability records or at-risk scores unless the University gives prior written approval for a specific incident."),
    ("c", "5.3 The Supplier shall provide a monthly service report by the 10th Business Day of each month. The report shall cover availability per module, incidents by priority, response and resolution performance, Service Credits, sub-processor changes, deletion activity under clause 9.2, and security events."),

    ("h", "6. Hosting and Data Location"),
    ("c", "6.1 The Services are hosted on Microsoft Azure. Production University Data shall be stored and processed in the Azure UK South region. Backups and the disaster-recovery environment shall be located in the Azure UK West region. No University Data, including backups, shall be stored in any other Azure region except as set out in clauses 6.2 and 6.3."),
    ("c", "6.2 The Supplier may process pseudonymised engagement data in the Azure Sweden Central region only for the purposes in clause 11.4, and only if the University has given its consent under that clause. At the Effective Date no such consent has been given."),
    ("c", "6.3 Compass Chat prompts and responses are sent to the Halcyon AI inference service as set out in Table 7. The Supplier shall use Halcyon's zero-data-retention configuration so that no chat content is stored by Halcyon beyond the duration of the request."),
    ("c", "6.4 The Supplier shall not change any hosting region, or the location of any backup, without at least 90 days' prior written notice and the University's written approval."),

    ("h", "7. Data Protection"),
    ("c", "7.1 For the purposes of the Data Protection Legislation, the University is the controller and the Supplier is a processor of the Personal Data processed under this Schedule. The processing particulars are summarised in Table 5 and set out in full in Annex B."),
    ("table", "Table 5 — Processing particulars (summary)", PROCESSING_PARTICULARS, [4.5, 12.0]),
    ("c", "7.2 The Supplier shall process Personal Data only on the University's documented instructions. This Schedule, Annex B and the University's configuration of the Services are the University's complete instructions at the Effective Date. The Supplier shall immediately inform the University if, in its opinion, an instruction infringes the Data Protection Legislation."),
    ("c", "7.3 The Supplier shall help the University to complete and keep up to date its data protection impact assessment. Within 10 Business Days of a request, the Supplier shall provide model documentation for the Compass Engagement Risk Model (including a model card, a list of input features and the fairness evaluation described in clause 11.7), transfer risk assessments, and any other information reasonably requested."),
    ("c", "7.4 The Supplier shall help the University respond to data subject requests within 5 Business Days of a request from the University, including by providing a complete export of a data subject's University Data in a structured, commonly used and machine-readable format."),
    ("c", "7.5 The Supplier shall ensure that all personnel with access to University Data are bound by confidentiality obligations, have completed data protection training within the previous 12 months, and have been subject to pre-employment checks appropriate to their role and jurisdiction."),
    ("c", "7.6 The Supplier's data protection officer can be contacted at dpo@lindqvist-learning.se. The University's Data Protection Officer can be contacted at dataprotection@fenwickvalley.ac.uk."),

    ("h", "8. Personal Data Breach Notification"),
    ("c", "8.1 The Supplier shall notify the University of any Personal Data Breach affecting University Data without undue delay and in any event within 24 hours of becoming aware of it. Notice shall be given by telephone to the University IT Service Desk and by email to the University's Data Protection Officer. Notice shall not be delayed while the Supplier investigates."),
    ("c", "8.2 The initial notification shall include, so far as then known:"),
    ("s", "(a) a description of the nature of the breach, including the categories and approximate numbers of data subjects and records concerned;"),
    ("s", "(b) whether special category data, data of students under 18, or chat transcripts are affected;"),
    ("s", "(c) the likely consequences of the breach;"),
    ("s", "(d) the measures taken or proposed to address the breach and mitigate its effects; and"),
    ("s", "(e) the name and contact details of the Supplier's incident lead."),
    ("c", "8.3 The Supplier shall provide a full written report within 72 hours of becoming aware of the breach, and a root-cause analysis within 10 Business Days of containment."),
    ("c", "8.4 The Supplier shall not notify the Information Commissioner, any other supervisory authority or any data subject about a breach affecting University Data unless required to do so by law, and then only after consulting the University where the law allows."),
    ("c", "8.5 Where a breach is caused by the Supplier, Northbridge or a sub-processor, the Supplier shall bear the reasonable costs of investigation, notification of data subjects and any reasonable remediation, such as helpline or identity-monitoring services offered to affected individuals."),
    ("c", "8.6 The Supplier shall notify the University within 48 hours of any security incident that does not involve Personal Data but affects the availability or integrity of University Data."),

    ("h", "9. Retention and Deletion"),
    ("c", "9.1 The Supplier shall configure the Services so that University Data is retained for the periods in Table 6 and then deleted automatically, unless the University instructs otherwise."),
    ("table", "Table 6 — Retention periods", RETENTION, [5.0, 3.0, 8.5]),
    ("c", "9.2 The Supplier shall provide, as part of the monthly service report, a deletion report listing the numbers of records deleted in each category in Table 6 and any deletion run that failed."),
    ("c", "9.3 The University may instruct the Supplier to suspend deletion of specific records (for example, for a legal hold, a complaint to the Office of the Independent Adjudicator or a data subject request). The Supplier shall comply within 2 Business Days."),
    ("c", "9.4 The University may, by written notice, reduce the retention period for Compass Chat transcripts to a period of not less than 30 days. The Supplier shall implement the reduced period within 20 Business Days of the notice, and shall delete transcripts older than the reduced period within that time."),
    ("c", "9.5 Deleted University Data may remain in encrypted backups until those backups expire under Table 6. The Supplier shall not restore deleted data from backup except to recover from an incident, and shall re-apply deletion after any restore."),

    ("h", "10. Sub-processors"),
    ("c", "10.1 The University gives general authorisation for the Supplier to engage the sub-processors in Table 7, for the services and at the locations stated, and no others."),
    ("table", "Table 7 — Authorised sub-processors", SUBPROCESSORS, [3.6, 3.4, 3.3, 3.3, 2.9]),
    ("c", "10.2 The Supplier shall give the University at least 30 days' written notice before adding or replacing a sub-processor, or changing the location or scope of processing by an existing sub-processor. The notice shall include the sub-processor's legal name, the services, the processing locations, the transfer mechanism and a summary of the Supplier's due diligence."),
    ("c", "10.3 The University may object to a change on reasonable data protection grounds within 20 Business Days of the notice. If the parties cannot resolve the objection within a further 20 Business Days, the University may terminate the affected module without penalty and receive a pro-rata refund of prepaid Fees for that module."),
    ("c", "10.4 The Supplier shall impose data protection obligations on each sub-processor that are no less protective than those in this Schedule, and remains fully liable to the University for each sub-processor's performance."),
    ("c", "10.5 The Supplier shall provide written transfer risk assessments for Halcyon AI, Inc. and Meridian by 30 November 2026, and shall update them if the law or the sub-processor's arrangements change."),

    ("h", "11. Artificial Intelligence"),
    ("c", "11.1 The Services include the following AI components (the “AI Components”):"),
    ("s", "(a) the Compass Engagement Risk Model, version 2.3, a gradient-boosted classification model developed and trained by the Supplier, which produces a weekly at-risk score from 0 to 100 for each student together with its principal contributing factors; and"),
    ("s", "(b) Compass Chat, which uses the large language model Halcyon Sage 3.5 (API model identifier “halcyon-sage-3.5-2026-05”) provided by Halcyon AI, Inc. of San Francisco, California, USA, with retrieval limited to knowledge articles approved by the University."),
    ("c", "11.2 No training on University Data. The Supplier shall not, and shall ensure that its sub-processors do not, use University Data to train, retrain, fine-tune, evaluate or otherwise improve any machine-learning model, including the Compass Engagement Risk Model and any Halcyon model, without the University's prior written consent under clause 11.4."),
    ("c", "11.3 The Supplier may calibrate the score thresholds of the Compass Engagement Risk Model using University Data, but only inside the University's tenant. Calibration parameters are University Data and shall not be used for any other customer."),
    ("c", "11.4 The University may, at its discretion, consent in writing to the use of de-identified University Data for model improvement on terms to be agreed. Any consent may be withdrawn on 30 days' notice. No consent shall be inferred from silence, from continued use of the Services, or from acceptance of release notes or product terms."),
    ("c", "11.5 The at-risk score is advisory. The Supplier shall not configure the Services to take any decision about a student automatically, and the Services shall show, with each score, the principal factors that contributed to it. The University is responsible for deciding how scores are used by its staff."),
    ("c", "11.6 The Supplier shall give at least 60 days' written notice before changing the large language model or its version, or making a material change to the Compass Engagement Risk Model (including adding or removing input features). The University may defer any such change by up to 90 days. No such change shall take effect between 1 May and 15 June in any year, because of the University's assessment period."),
    ("c", "11.7 Before the Pilot Start Date, and then once in each Contract Year, the Supplier shall provide a model card and a fairness evaluation for the version of the Compass Engagement Risk Model in use, showing performance by sex, age band, ethnicity, disability status and fee status, where the data allows."),
    ("c", "11.8 Compass Chat shall: (a) apply content filtering to inputs and outputs; (b) detect indications of risk to life or serious harm and escalate them to the University's duty team during Business Hours and give crisis signposting outside them; (c) not give medical or legal diagnosis or advice; and (d) have no access to case notes, disability records, appointment reasons or at-risk scores."),
    ("c", "11.9 No AI feature other than the AI Components shall be enabled for the University without a Change Note."),

    ("h", "12. Security and Security Testing"),
    ("c", "12.1 The Supplier shall maintain ISO/IEC 27001:2022 certification throughout the Term, with a scope that includes the StudentCompass platform and its support. At the Effective Date the Supplier holds certificate NC-27001-4471 issued by Nordcert Certifiering AB, valid until 14 March 2027. The Supplier shall provide each renewed certificate within 10 Business Days of issue."),
    ("c", "12.2 The Supplier warrants that it holds Cyber Essentials Plus certification covering the environments from which the StudentCompass service is supported to UK customers, and shall provide a copy of the current certificate by 30 November 2026. The Supplier shall procure that Northbridge holds at least Cyber Essentials certification throughout the Term."),
    ("c", "12.3 University Data shall be encrypted at rest using AES-256 and in transit using TLS 1.2 or higher on every endpoint, including webhooks and integration endpoints. Customer-managed encryption keys are not provided during the Initial Term."),
    ("c", "12.4 The Supplier shall enforce multi-factor authentication for all access by its personnel and subcontractors to production systems, apply least-privilege and just-in-time privileged access, and review privileged access at least quarterly."),
    ("c", "12.5 The Supplier shall commission an independent penetration test of the Services at least once in each Contract Year and after any major release, from a CREST-accredited tester, and shall share an executive summary and the remediation status with the University within 20 Business Days of the report."),
    ("c", "12.6 The University may carry out, or commission, its own security test once in each Contract Year at its own cost, on at least 10 Business Days' notice. The University has appointed Castlegate Assurance Ltd to carry out a pre-pilot penetration test between 9 and 20 November 2026, and the Supplier shall provide test tenants and reasonable assistance."),
    ("c", "12.7 The Supplier shall remediate findings from any test under clause 12.5 or 12.6 within the following periods from the date of the report: Critical, 7 days; High, 30 days; Medium, 90 days; Low, 180 days or the next major release, whichever is sooner. The Pilot shall not start while any Critical or High finding remains open unless the University accepts the risk in writing. Retests of Critical and High findings are at the Supplier's cost."),
    ("c", "12.8 The Services shall log every view, edit, export and print of a case record, with the user, timestamp and source IP address. The University shall be able to export audit logs through the user interface and the API. Audit logs shall be retained for 24 months."),

    ("h", "13. Fees and Payment"),
    ("c", "13.1 The Fees are set out in Table 8. All amounts are in pounds sterling and exclude VAT."),
    ("table", "Table 8 — Fees", FEES, [6.0, 7.0, 3.5]),
    ("c", "13.2 The Contract Year 1 Subscription Fees shall be invoiced in two equal instalments: 50% on the Subscription Start Date and 50% on the earlier of the Go-Live Date and 1 May 2027. Annual Subscription Fees for later Contract Years shall be invoiced annually in advance. Implementation fees shall be invoiced 50% on the Effective Date and 50% on the Go-Live Date. Training shall be invoiced on completion."),
    ("c", "13.3 From the start of Contract Year 2 (1 December 2027), the Supplier may increase the Annual Subscription Fees once in each Contract Year by no more than the percentage change in the Consumer Prices Index published by the Office for National Statistics for the 12 months to the preceding September, capped at 4%, by giving at least 60 days' written notice."),
    ("c", "13.4 The University shall pay valid, undisputed invoices that quote a University purchase order number within 30 days of receipt. Usage charges above the included volumes in Table 8 shall be invoiced quarterly in arrears."),
    ("c", "13.5 The Fees are fixed for the Initial Term except as set out in clause 13.3 or agreed in a Change Note. An increase in the Supplier's third-party costs, including charges from the provider of the large language model, does not entitle the Supplier to increase the Fees."),

    ("h", "14. Limitation of Liability"),
    ("c", "14.1 Nothing in the Contract limits or excludes either party's liability for death or personal injury caused by negligence, for fraud or fraudulent misrepresentation, or for any other liability that cannot be limited or excluded by law."),
    ("c", "14.2 Subject to clauses 14.1, 14.3 and 14.4, the Supplier's total aggregate liability in each Contract Year shall not exceed the greater of £500,000 and 150% of the Fees paid and payable in that Contract Year."),
    ("c", "14.3 The Supplier's total aggregate liability in each Contract Year for breach of clauses 7, 8, 9, 10 or 12 shall not exceed £2,000,000. This cap is separate from, and in addition to, the cap in clause 14.2."),
    ("c", "14.4 The Supplier's liability under the intellectual property indemnity in clause 16.4 is unlimited."),
    ("c", "14.5 The University's total aggregate liability in each Contract Year, other than its obligation to pay the Fees, shall not exceed the Fees paid and payable in that Contract Year."),
    ("c", "14.6 Neither party is liable for indirect or consequential loss. The following are recoverable as direct losses: the costs of investigating and notifying a Personal Data Breach, fines and penalties to the extent the law allows them to be recovered, the costs of restoring or reconstituting University Data, additional operational costs reasonably incurred, and the reasonable additional costs of procuring replacement services."),
    ("c", "14.7 The General Terms' limitation of liability (clause 11 of the General Terms) does not apply."),

    ("h", "15. Insurance"),
    ("c", "15.1 The Supplier shall maintain the following insurance throughout the Term and for 6 years after it, with reputable insurers:"),
    ("s", "(a) professional indemnity insurance of not less than £5,000,000 for each and every claim;"),
    ("s", "(b) cyber and data protection liability insurance of not less than £5,000,000 in the aggregate in each policy year;"),
    ("s", "(c) public and products liability insurance of not less than £5,000,000 for each occurrence; and"),
    ("s", "(d) employer's liability insurance, or its equivalent, as required by law in each country where its personnel are employed."),
    ("c", "15.2 The Supplier shall provide broker's certificates evidencing this insurance on the Effective Date and within 10 Business Days of each renewal, and shall notify the University immediately of any cancellation, non-renewal or material reduction in cover."),
    ("c", "15.3 The Supplier shall procure that Northbridge maintains professional indemnity insurance of not less than £2,000,000 for each and every claim."),

    ("h", "16. Intellectual Property"),
    ("c", "16.1 The Supplier and its licensors retain all intellectual property rights in the platform, the AI Components (excluding University Data), the documentation and any general improvements to them."),
    ("c", "16.2 The University owns all University Data, including at-risk scores, contributing factors, calibration parameters and chat transcripts. The Supplier is granted a non-exclusive licence to use University Data only to provide the Services to the University."),
    ("c", "16.3 Knowledge articles and other content provided by the University for use by Compass Chat remain the University's property and may be used only for the University's instance of Compass Chat."),
    ("c", "16.4 The Supplier shall indemnify the University against all losses arising from any claim that the University's use of the Services in accordance with the Contract infringes a third party's intellectual property rights, including any claim relating to the output of the AI Components."),

    ("h", "17. Term and Renewal"),
    ("c", "17.1 This Schedule takes effect on the Effective Date. The subscription starts on the Subscription Start Date of 1 December 2026 and continues for an Initial Term of 36 months, expiring on 30 November 2029, unless terminated earlier. It then renews automatically for successive Renewal Terms of 12 months each, up to a maximum of two Renewal Terms (so that the Contract ends no later than 30 November 2031), unless either party gives written notice of non-renewal at least 90 days before the end of the Initial Term or the then-current Renewal Term."),
    ("c", "17.2 The Supplier shall remind the University in writing of each expiry date no later than 150 days before it."),

    ("h", "18. Termination"),
    ("c", "18.1 Either party may terminate the Contract by written notice if the other party commits a material breach that is capable of remedy and fails to remedy it within 30 days of being notified of it, or commits a material breach that is not capable of remedy."),
    ("c", "18.2 Either party may terminate the Contract immediately by written notice if the other party becomes insolvent or enters any analogous procedure in any jurisdiction."),
    ("c", "18.3 The University may terminate the Contract, or in the case of paragraph (c) the affected module, by written notice:"),
    ("s", "(a) if the Go-Live Date has not occurred by the Long-stop Date for reasons attributable to the Supplier or its subcontractors;"),
    ("s", "(b) on a Critical Service Level Failure;"),
    ("s", "(c) under clause 10.3;"),
    ("s", "(d) if a supervisory authority or court finds, or the University reasonably concludes after taking legal advice, that the processing under the Contract cannot lawfully continue; or"),
    ("s", "(e) within 6 months after a change of control of the Supplier."),
    ("c", "18.4 The University may terminate the Contract for convenience by giving at least 6 months' written notice expiring no earlier than the end of Contract Year 2 (30 November 2028). In that case the University shall pay a termination fee equal to 25% of the Annual Subscription Fees that would have been payable for the rest of the Initial Term. No termination fee is payable on termination under clauses 18.1, 18.2 or 18.3."),

    ("h", "19. Exit and Data Deletion"),
    ("c", "19.1 On expiry or termination there is an Exit Period of 90 days. During the first 60 days of the Exit Period the Supplier shall keep the Services available to the University in read-only mode at no extra charge."),
    ("c", "19.2 Within 30 days of the University's request during the Exit Period, the Supplier shall return all University Data: case records in JSON with rendered PDF copies, attachments in their original formats, structured data in CSV, audit logs, at-risk score history and chat transcripts that are still retained, together with a data dictionary."),
    ("c", "19.3 Within 30 days after the end of the Exit Period the Supplier shall delete all University Data from production systems and shall procure the same from each sub-processor. Backups shall expire within a further 35 days. Within 10 Business Days of completing deletion, the Supplier shall give the University a certificate of deletion signed by a director."),
    ("c", "19.4 The Supplier shall provide up to 10 consultant days of exit assistance at no extra charge. Any further assistance shall be charged at the rate in Table 8."),
    ("c", "19.5 The Supplier shall deliver an exit plan within 6 months of the Go-Live Date and shall update it annually."),

    ("h", "20. General"),
    ("c", "20.1 The Contract is governed by the law of England and Wales and the courts of England and Wales have exclusive jurisdiction."),
    ("c", "20.2 The Supplier acknowledges that the University is subject to the Freedom of Information Act 2000 and shall help the University respond to requests for information within 5 Business Days of a request."),
    ("c", "20.3 The Contract may only be varied by a written Change Note signed by authorised signatories of both parties."),
    ("c", "20.4 Notices shall be sent to the University's Director of Legal Services at the address in Table 1, with a copy to legal@fenwickvalley.ac.uk, and to the Supplier's Chief Executive Officer at the address in Table 1, with a copy to contracts@lindqvist-learning.se."),

    ("h", "21. Signatures"),
    ("c", "21.1 This Schedule has been signed by the authorised signatories of the parties on the dates below. The Supplier's two signatories sign jointly under its articles of association."),
    ("table", "Table 9 — Signatures", SIGNATURES, [3.6, 3.4, 3.8, 3.0, 2.7]),
    ("small", "Document prepared by Legal Services, Fenwick Valley University (Priya Raman, Senior Contracts Counsel). Executed version compiled 21 October 2026 from the signed counterparts. Annexes A (Service Description v4.2), B (Data Processing Agreement) and C (Implementation Plan v1.3) are held with the signed counterparts and are not reproduced here."),
]


def build_contract():
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)

    sec = doc.sections[0]
    sec.page_height = Cm(29.7)
    sec.page_width = Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    hp = sec.header.paragraphs[0]
    hp.style = normal
    hr = hp.add_run("Fenwick Valley University / Lindqvist Learning Systems AB — " + CONTRACT_REF)
    hr.font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.style = normal
    fr = fp.add_run("Executed version — Commercial in confidence — Page ")
    fr.font.size = Pt(8)
    add_page_field(fp)

    for item in CONTRACT_BODY:
        kind = item[0]
        if kind == "title":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(item[1])
            r.bold = True
            r.font.size = Pt(14)
        elif kind == "centre":
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(item[1])
            r.font.size = Pt(9)
        elif kind == "h":
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(10)
            p.paragraph_format.keep_with_next = True
            r = p.add_run(item[1])
            r.bold = True
            r.font.size = Pt(11)
        elif kind == "c":
            p = doc.add_paragraph(item[1])
            p.paragraph_format.left_indent = Cm(0.0)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif kind == "s":
            p = doc.add_paragraph(item[1])
            p.paragraph_format.left_indent = Cm(1.0)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif kind == "p":
            p = doc.add_paragraph(item[1])
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif kind == "small":
            p = doc.add_paragraph()
            r = p.add_run(item[1])
            r.italic = True
            r.font.size = Pt(8)
        elif kind == "table":
            cap = doc.add_paragraph()
            cap.paragraph_format.keep_with_next = True
            cr = cap.add_run(item[1])
            cr.bold = True
            cr.font.size = Pt(9)
            docx_table(doc, item[2], item[3], font_pt=8.5)
        else:
            raise ValueError(kind)

    when = dt.datetime(2026, 10, 21, 9, 30, 0)
    set_core(doc, "StudentCompass Order Form and Special Conditions Schedule " + CONTRACT_REF,
             "Priya Raman", "Executed contract schedule", when,
             keywords="StudentCompass; Lindqvist; contract", comments="Executed version")
    save_docx(doc, os.path.join(OUT, "contract-schedule.docx"), (2026, 10, 21, 9, 30, 0))


# ===========================================================================
# 2. DPIA DRAFT (DOCX with Title / Heading 1 / Heading 2)
# ===========================================================================

DPIA_CONTROL = [
    ["Field", "Value"],
    ["DPIA reference", "DPIA-2026-031"],
    ["Processing activity", "StudentCompass student-support platform (replacement for Maple Student Support Suite)"],
    ["Version / status", "0.4 — DRAFT — NOT APPROVED"],
    ["Date", "4 November 2026"],
    ["Author", "Tom Brennan, Information Governance Manager, Governance and Compliance Office"],
    ["Information Asset Owner", "Joanne Mercer, Director of Student Services"],
    ["Data Protection Officer", "Dr Rachel Adeyemi"],
    ["Senior Information Risk Owner", "Professor Martin Ashdown, Chief Operating Officer"],
    ["Related documents", "Contract FVU-CON-2026-0147 (executed 19 October 2026); Lindqvist security questionnaire response v1.2 (3 July 2026); University Records Retention Schedule (section SS-04)"],
    ["Circulation", "Project board members only. Not for publication."],
]

DPIA_HISTORY = [
    ["Version", "Date", "Author", "Changes"],
    ["0.1", "12 August 2026", "T. Brennan", "Screening questions; decision that a full DPIA is required"],
    ["0.2", "18 September 2026", "T. Brennan", "Description of processing from tender and vendor questionnaire"],
    ["0.3", "9 October 2026", "T. Brennan", "Updated for contract negotiation (retention, model training, sub-processors)"],
    ["0.4", "4 November 2026", "T. Brennan", "Updated for executed contract; risk table re-scored; sections 4.3, 5.3, 7 and 12 still TBC"],
]

DPIA_INVENTORY = [
    ["Ref", "Data category", "Examples of data items", "Data subjects", "Special category / sensitive", "Source", "Module"],
    ["D01", "Identity and contact", "Full name, preferred name, student number, University email, mobile number, date of birth, photo (not imported — see 3.3)", "Students", "No (date of birth used for the under-18 flag)", "Keystone nightly feed", "All"],
    ["D02", "Programme and enrolment", "Course, year of study, mode of study, school, personal tutor, registration status, fee status", "Students", "No (fee status can indicate nationality)", "Keystone", "All"],
    ["D03", "Timetable and attendance", "Timetabled events, attendance check-ins (QR code and card reader), absence reports", "Students", "No", "TimeGrid; attendance tool", "Analytics"],
    ["D04", "VLE engagement", "Login counts, resource views, last access date", "Students", "No", "FVU Learn (VLE) nightly extract", "Analytics"],
    ["D05", "Assessment", "Submission timeliness, extensions granted, module marks", "Students", "No", "Keystone", "Analytics"],
    ["D06", "At-risk score", "Weekly score 0–100, band (low / medium / high), top contributing factors, adviser acknowledgement", "Students", "Profiling output — treated as sensitive", "Generated by the Risk Model", "Analytics"],
    ["D07", "Wellbeing case notes", "Free-text notes on mental health, safeguarding concerns, referrals to GP or crisis services, risk assessments, attachments", "Students; third parties named in notes", "Yes — health; may also reveal sex life, sexual orientation, religion or criminal allegations", "Entered by staff; migrated from Maple", "Case Management"],
    ["D08", "Disability records", "Disability category, evidence documents, Disabled Students' Allowance status, reasonable-adjustment plans, exam arrangements", "Students", "Yes — health", "Entered by staff; migrated from Maple", "Case Management"],
    ["D09", "Emergency contacts", "Name, relationship, telephone; parent or guardian for under-18s", "Third parties", "No, but sensitive context", "Keystone", "Case Management"],
    ["D10", "Chat transcripts", "Messages typed by students, Compass Chat replies, safety flags, article references", "Students (18+ only)", "Incidental — students may disclose health or other special category data", "Students", "Compass Chat"],
    ["D11", "Appointments", "Adviser, date, time, location or online link, reason category, attendance", "Students; staff", "Reason category can reveal health (e.g. “mental health practitioner”)", "Students and staff", "Booking"],
    ["D12", "SMS reminder data", "Mobile number, first name, appointment date, time and location, delivery status", "Students", "No (templates reviewed — see DA-10)", "Booking module", "Booking"],
    ["D13", "Staff user data", "Name, role, email, Entra ID object ID, team, caseload", "Staff", "No", "Entra ID; configuration", "All"],
    ["D14", "Audit and security logs", "User ID, action, record ID, timestamp, IP address, browser", "Students; staff", "No", "Generated", "All"],
]

DPIA_SUBJECTS = [
    ["Data subject group", "Approx. number", "Notes"],
    ["Registered students (records fed from Keystone)", "c. 24,000", "All registered students are fed nightly so that advisers can open a case for any student. Analytics scores are calculated for all fed students once the service is live."],
    ["— of whom students under 18", "c. 900", "Foundation-year students (c. 640) and summer-school students (c. 260, registered June–August only). Compass Chat disabled (contract clause 3.3)."],
    ["Pilot cohort", "c. 2,600", "School of Health and Life Sciences, Business School and the Foundation Year, including c. 310 under-18s."],
    ["Students with an open wellbeing or disability case in a year", "c. 5,200", "Based on Maple figures for 2025/26."],
    ["Historic case records to be migrated from Maple", "c. 38,500 records", "Records created since September 2019 and still inside the retention period. Older records will not be migrated and will be deleted by Orchard Systems Ltd at exit."],
    ["Staff users of StudentCompass", "c. 420", "Student Support advisers, disability practitioners, mental health practitioners, Student Services managers and personal tutors (score view only)."],
    ["All University staff", "c. 3,800", "Not provisioned. Only members of the Entra ID group SG-StudentCompass-Users are given accounts."],
    ["Emergency contacts, parents and guardians", "Not known", "Up to one contact per student."],
    ["Third parties named in case notes", "Not known", "Family members, flatmates, external professionals."],
]

DPIA_TRANSFERS = [
    ["Recipient", "Role", "Country / location", "Safeguard", "Status"],
    ["Lindqvist Learning Systems AB (own staff)", "Processor", "Sweden (Gothenburg)", "UK adequacy regulations", "OK"],
    ["Microsoft (Azure)", "Sub-processor", "UK South, UK West; Sweden Central only with consent under cl. 11.4", "UK regions / adequacy", "Backup location query — see 7.2"],
    ["Halcyon AI, Inc.", "Sub-processor", "USA (contract gives “Ashburn” only)", "UK Extension to EU–US DPF; UK Addendum fallback", "TIA due 30 November 2026"],
    ["Meridian Support Services Pvt Ltd", "Sub-processor", "India (Pune)", "IDTA", "TIA due 30 November 2026; disclosed late (2 October 2026)"],
    ["Pellucid Messaging Ltd", "Sub-processor", "Ireland (Dublin)", "UK adequacy regulations", "OK"],
    ["Trackwell Observability GmbH", "Sub-processor", "Germany (Frankfurt)", "UK adequacy regulations", "Not listed in the questionnaire response; confirm scrubbing of free text"],
]

DPIA_RETENTION = [
    ["Data", "University Records Retention Schedule", "Contract FVU-CON-2026-0147", "IG recommendation / comment"],
    ["Wellbeing case notes", "Last registration + 6 years (SS-04.2)", "6 years from later of case closure and end of last registration", "Aligned"],
    ["Disability records", "Last registration + 6 years (SS-04.3)", "6 years from end of last registration", "Aligned. Returning postgraduate students — see open question Q5"],
    ["Chat transcripts", "Not in schedule (new record type)", "90 days; University may reduce to not less than 30 days (cl. 9.4)", "Recommend 30 days. Vendor proposed 12 months in negotiation; University opening position was 14 days. Decision TBC (DA-06)"],
    ["At-risk scores", "Not in schedule", "13 months", "Acceptable; schedule to be updated"],
    ["Audit logs", "2 years (IT-07)", "24 months", "Aligned"],
    ["Backups", "n/a", "35 days", "Questionnaire said 30 days. Contract prevails"],
    ["Appointment records", "2 years (SS-05)", "2 years unless linked to a case", "Aligned"],
]

DPIA_RISKS = [
    ["Ref", "Risk to individuals", "Likelihood", "Severity", "Inherent", "Measures", "Residual"],
    ["R01", "Staff without a need to know (including personal tutors) access special category case notes", "Possible", "Severe", "High", "Role-based access; “sealed cases” for mental-health notes; personal tutors have score view only; monthly audit-log review by Student Services", "Medium"],
    ["R02", "At-risk score is inaccurate or biased against groups (e.g. disabled, mature, commuter or international students), leading to unfair treatment or stigma", "Probable", "Significant", "High", "Fairness evaluation (cl. 11.7); human review; score not used for sanctions; SU consultation; equality impact assessment", "TBC"],
    ["R03", "Students do not know they are profiled or how the score is used", "Probable", "Significant", "High", "Privacy notice update; just-in-time notice in student portal; FAQ co-written with SU", "Medium"],
    ["R04", "A disclosure of self-harm in Compass Chat is not acted on", "Possible", "Severe", "High", "Safety escalation to duty team in Business Hours; crisis signposting out of hours; escalated excerpts copied to case record; clear statement that chat is not monitored in real time", "Medium"],
    ["R05", "International transfers to the USA (Halcyon) and India (Meridian) without adequate safeguards", "Possible", "Significant", "High", "DPF / IDTA; zero-data-retention endpoint; Meridian restricted to metadata (cl. 5.2); TIAs", "TBC"],
    ["R06", "Case notes and chat transcripts kept longer than necessary", "Probable", "Significant", "Medium", "Automated deletion; monthly deletion report (cl. 9.2); 30-day chat period recommended", "Low"],
    ["R07", "Vendor uses University data to train or improve models (function creep)", "Possible", "Significant", "Medium", "Contract cl. 11.2 prohibits without written consent; Compass Insights excluded (cl. 3.2(b))", "Low"],
    ["R08", "Under-18s use Compass Chat or are profiled without child-specific safeguards", "Possible", "Significant", "High", "Chat disabled by date of birth (cl. 3.3); whether under-18s should be in the pilot at all is TBC", "Medium"],
    ["R09", "Vulnerability in the platform leads to a breach of case notes", "Possible", "Severe", "High", "ISO/IEC 27001; pre-pilot penetration test (Castlegate, 9–20 November 2026, planned); remediation before pilot (cl. 12.7)", "TBC — after pen test"],
    ["R10", "Migration from Maple attaches case notes to the wrong student", "Remote", "Severe", "Medium", "Two dry runs; reconciliation reports; 5% sample check by Student Services", "Low"],
    ["R11", "SMS reminders reveal sensitive information on lock screens", "Probable", "Significant", "High", "Generic templates: “You have an appointment with Student Services at [time]”; no reason or practitioner type", "Low"],
    ["R12", "Out-of-hours support staff in Pune view case data", "Remote", "Severe", "Medium", "Contract cl. 5.2; break-glass approval; access log review", "Low (to be verified)"],
]

DPIA_ACTIONS = [
    ["Ref", "Action", "Owner", "Due", "Status"],
    ["DA-01", "Obtain model card and fairness evaluation for Risk Model v2.3", "Tom Brennan (from vendor)", "20 November 2026", "Open — requested 21 October 2026"],
    ["DA-02", "Confirm whether the feature “wellbeing_contacts_90d” is an input to the Risk Model", "Anders Nyberg (Lindqvist)", "13 November 2026", "Open"],
    ["DA-03", "Transfer risk assessments for Halcyon and Meridian", "Lindqvist; review by Lewis Carter", "30 November 2026", "Open"],
    ["DA-04", "Consult the Students' Union on the at-risk score", "Joanne Mercer", "25 November 2026", "Meeting scheduled"],
    ["DA-05", "Update the student privacy notice and staff guidance", "Tom Brennan", "18 December 2026", "Not started"],
    ["DA-06", "Decide chat transcript retention (30 or 90 days)", "Project board", "8 December 2026", "Open"],
    ["DA-07", "Legal advice on lawful basis and Article 22 for the at-risk score", "Priya Raman", "27 November 2026", "In progress"],
    ["DA-08", "Review penetration test results and remediation plan", "Lewis Carter", "4 December 2026", "Planned — test 9–20 November 2026"],
    ["DA-09", "Equality impact assessment of the at-risk score", "Hannah Whitlock with EDI team", "15 January 2027", "Not started"],
    ["DA-10", "Review SMS templates for sensitive content", "Student Services", "30 November 2026", "Completed 28 October 2026"],
    ["DA-11", "Confirm backup location (questionnaire: North Europe; contract: UK West)", "Lewis Carter", "13 November 2026", "Open"],
    ["DA-12", "Guidance on recording criminal-offence information in case notes (Article 10)", "Tom Brennan", "TBC", "Open"],
]

DPIA_SIGNOFF = [
    ["Role", "Name", "Decision / advice", "Signature", "Date"],
    ["Data Protection Officer (advice)", "", "", "", ""],
    ["Information Asset Owner (approval)", "", "", "", ""],
    ["Senior Information Risk Owner (acceptance of residual risk)", "", "", "", ""],
    ["Project Senior Responsible Owner (noting)", "", "", "", ""],
]

# (kind, text) sequence; kinds: title, h1, h2, p, bullet, note, table
DPIA_BODY = [
    ("title", "Data Protection Impact Assessment: StudentCompass Student Support Platform"),
    ("note", "DRAFT v0.4 — NOT APPROVED — do not rely on this document as a record of a decision. Sections marked TBC are incomplete."),
    ("table", DPIA_CONTROL, [5.0, 11.5]),
    ("h2", "Version history"),
    ("table", DPIA_HISTORY, [1.6, 3.0, 2.4, 9.5]),

    ("h1", "1. Introduction and screening outcome"),
    ("h2", "1.1 Why a DPIA is required"),
    ("p", "Screening on 12 August 2026 found that a full DPIA is mandatory. The processing involves special category data (health, including mental health and disability) on a large scale; vulnerable data subjects, including about 900 students under 18; profiling through the “at-risk” score; a new technology, in the form of a student-facing generative AI assistant; and transfers of personal data outside the UK. Any one of these would require a DPIA. Together they make StudentCompass the highest-risk system the University has procured since the 2023 DPIA for proctoring, which was withdrawn."),
    ("h2", "1.2 Scope of this assessment"),
    ("p", "In scope: the four StudentCompass modules ordered under contract FVU-CON-2026-0147 (Wellbeing and Disability Case Management; Attendance and Engagement Analytics; Compass Chat; Appointment Booking with SMS reminders), their integrations with Keystone, Microsoft Entra ID and TimeGrid, the migration of historic case records from Maple, and vendor support."),
    ("p", "Out of scope: Compass Chat voice features, which are not in scope for the pilot and are excluded by the contract; the vendor's “Compass Insights” benchmarking service; the native mobile apps; library loan data, which the vendor's standard analytics can use but which the University will not supply during the pilot; and the decommissioning of Maple, which is covered by a separate exit checklist."),

    ("h1", "2. Description of the processing"),
    ("h2", "2.1 Nature of the processing"),
    ("p", "StudentCompass is a software-as-a-service platform provided by Lindqvist Learning Systems AB (Gothenburg) and hosted on Microsoft Azure. Student Support staff will use it to record and manage wellbeing and disability cases, book and record appointments, and view a weekly at-risk score for each student. Students will use it to book appointments and, if they are 18 or over, to ask questions of Compass Chat, which answers from a set of University-approved knowledge articles using the Halcyon Sage 3.5 large language model."),
    ("h2", "2.2 Data flows"),
    ("p", "Keystone sends a nightly extract (identity, programme, assessment and emergency-contact data) at 02:00 to the StudentCompass integration endpoint. TimeGrid sends timetable events every hour and the attendance tool sends check-in events every 15 minutes. The VLE extract is nightly. Users sign in through Entra ID (SAML 2.0); students and staff are already required to use MFA. SMS reminders go to Pellucid Messaging Ltd, 24 hours and 2 hours before an appointment. Compass Chat prompts, with a pseudonymous user identifier but no name or student number, are sent to Halcyon AI's inference service in the USA. Application errors are sent to Trackwell Observability GmbH with free text removed."),
    ("p", "Northbridge EdTech Partners Ltd (Birmingham) will carry out the Maple migration. Two dry runs are planned before the pilot. Migrated data moves from Orchard's hosting to Azure UK South over an encrypted transfer and is never held on Northbridge laptops (to be confirmed in the migration plan)."),
    ("h2", "2.3 Context"),
    ("p", "Students who share information with Student Support are often distressed and will reasonably expect that information to be handled with great care and seen only by the staff who support them. Many will not expect their attendance and VLE activity to be combined into a score. The Students' Union has already raised concerns (see section 6). Under-18 students are a small but important group. The University has safeguarding duties towards them, and parents or guardians are recorded as emergency contacts."),
    ("h2", "2.4 Purposes"),
    ("bullet", "Providing wellbeing, mental-health and disability support, and managing reasonable adjustments."),
    ("bullet", "Identifying students who may be disengaging, so that an adviser can offer support early. At-risk scores will be visible to Student Support advisers and to personal tutors for their own tutees. [TB: SU has asked that personal tutors should not see scores — see section 6.]"),
    ("bullet", "Answering routine student questions (for example about extensions, counselling waiting times or council tax letters) through Compass Chat, outside office hours as well as during them."),
    ("bullet", "Booking appointments and reducing missed appointments through reminders."),
    ("p", "The at-risk score will not be used for disciplinary purposes, academic misconduct cases, fitness-to-study decisions or UKVI sponsor attendance monitoring. [TB: this is the Student Services position; not yet written into any policy.]"),

    ("h1", "3. Data inventory"),
    ("h2", "3.1 Data categories"),
    ("table", DPIA_INVENTORY, [1.0, 2.2, 4.2, 2.0, 2.6, 2.2, 2.0]),
    ("h2", "3.2 Data subjects"),
    ("table", DPIA_SUBJECTS, [5.0, 2.5, 9.0]),
    ("h2", "3.3 Data that is not collected"),
    ("bullet", "No biometric data is collected. The vendor's facial-recognition attendance option is not offered in the UK and is excluded by contract clause 3.2(d)."),
    ("bullet", "No device location data. Attendance comes from QR and card-reader check-ins in teaching rooms, not from phones."),
    ("bullet", "Student photos are not imported from Keystone, although the connector supports it."),
    ("bullet", "Library loans and printing data are not supplied during the pilot."),
    ("bullet", "Compass Chat does not receive case notes, disability records, appointment reasons or at-risk scores (contract clause 11.8(d))."),
    ("bullet", "Voice recordings: none. Voice features are not in scope."),
    ("p", "Criminal-offence data is not intended to be recorded, but experience with Maple shows that case notes sometimes mention police involvement or allegations. Article 10 and Schedule 1 conditions need to be considered (DA-12)."),

    ("h1", "4. Lawful basis"),
    ("h2", "4.1 Article 6"),
    ("p", "Public task (Article 6(1)(e)) for case management, appointments and analytics, because student support is part of the University's functions as a higher education provider. Consent is not appropriate as the main basis because of the imbalance of power, but students choose whether to use Compass Chat and can stop at any time."),
    ("h2", "4.2 Article 9 and Schedule 1 conditions"),
    ("p", "Health data in wellbeing and disability records: Article 9(2)(g) with DPA 2018 Schedule 1 paragraph 8 (equality of opportunity or treatment) for disability adjustments, and paragraph 18 (safeguarding of children and individuals at risk) for wellbeing and safeguarding notes. An appropriate policy document is needed; the existing one for Maple will be updated. Special category data disclosed incidentally in Compass Chat: TBC."),
    ("h2", "4.3 Profiling and automated decision-making"),
    ("p", "TBC — awaiting legal advice (DA-07). The vendor states that the score is advisory and that no decision is made automatically, and the contract requires this (clause 11.5). Our view is that Article 22 is not engaged if advisers genuinely review each case. The risk is that, in practice, a “high” band leads to an automatic email. The current configuration sends a templated email to the student when the score moves into the high band. This must be switched off, or reviewed by an adviser before sending, before the pilot starts."),

    ("h1", "5. Necessity and proportionality"),
    ("h2", "5.1 Necessity"),
    ("p", "The University must replace Maple, whose contract with Orchard Systems Ltd ends on 31 March 2027. Case management is clearly necessary. The at-risk score is not strictly necessary. It is justified by evidence that early contact improves continuation rates, but the vendor has not yet provided evidence from UK institutions of the model's accuracy."),
    ("h2", "5.2 Data minimisation"),
    ("p", "The vendor's standard configuration imports 61 fields from the student record. The University will supply 34. Fields not supplied include ethnicity, religion, sexual orientation, home postcode and care-leaver status, even though the vendor says they would improve the model. The vendor has confirmed in writing that no special category data is used as an input to the Risk Model. However, the configuration workbook supplied on 14 October 2026 lists a feature called “wellbeing_contacts_90d”. If it is what it appears to be (the number of wellbeing appointments in the last 90 days), it is derived from health data. Query raised (DA-02); no reply yet."),
    ("h2", "5.3 Transparency"),
    ("p", "TBC. The student privacy notice will be updated (DA-05), but the wording depends on decisions about personal-tutor access and opt-out."),

    ("h1", "6. Consultation"),
    ("p", "Internal consultation so far: Student Services (Joanne Mercer), the Disability and Inclusion Service (Hannah Whitlock), IT Security (Lewis Carter), Legal Services (Priya Raman) and the Programme Manager (Daniel Osei). Vendor input was taken from the questionnaire response of 3 July 2026, which is out of date on several points (see 7.2 and 9)."),
    ("p", "The Students' Union's Vice-President Welfare, Niamh Fitzgerald, wrote on 22 October 2026 raising concerns about the at-risk score: whether students can see their own score, whether they can opt out, and whether the score could be shared with the international student compliance team. A consultation meeting is scheduled for 25 November 2026 (DA-04). No students have been consulted directly. TBC whether a student focus group will run before the pilot."),

    ("h1", "7. International transfers"),
    ("h2", "7.1 Transfers"),
    ("table", DPIA_TRANSFERS, [3.6, 2.0, 3.6, 3.6, 3.7]),
    ("h2", "7.2 Issues"),
    ("p", "The questionnaire response (SUP-02) said no support is delivered from outside the UK or EEA. Meridian in Pune was disclosed only on 2 October 2026, after the preferred bidder was chosen. The questionnaire also said backups are geo-replicated to Azure North Europe (Dublin), but the contract requires backups in UK West. The vendor says the questionnaire is out of date and the contract is correct. We have asked when backups moved and whether any copies remain in North Europe (DA-11). TBC."),

    ("h1", "8. Retention and deletion"),
    ("table", DPIA_RETENTION, [2.8, 3.8, 4.6, 5.3]),
    ("p", "At exit, data is returned within 30 days of request and deleted from production within 30 days of the end of the 90-day Exit Period, with backups expiring within a further 35 days (contract clause 19). Maple records that are not migrated will be deleted by Orchard, and a deletion certificate will be requested."),

    ("h1", "9. Security measures"),
    ("p", "The vendor holds ISO/IEC 27001:2022 certification (Nordcert Certifiering AB, certificate NC-27001-4471, valid until 14 March 2027). Cyber Essentials Plus was described as “in progress” in July 2026, and the contract now requires a certificate by 30 November 2026. Data is encrypted at rest (AES-256) and in transit (TLS 1.2+); customer-managed keys are not available. The questionnaire gave a 72-hour breach notification period; the contract requires 24 hours."),
    ("p", "Castlegate Assurance Ltd will carry out a penetration test between 9 and 20 November 2026, covering the staff and student interfaces, the booking API, Compass Chat (including prompt injection) and the integration endpoints. The contract (clause 12.7) prevents the pilot from starting with an open Critical or High finding. R09 cannot be re-scored until the report is available."),

    ("h1", "10. Risk assessment"),
    ("p", "Likelihood: Remote / Possible / Probable. Severity: Minimal / Significant / Severe. Scores use the University's 3 x 3 matrix (IG Procedure 06)."),
    ("table", DPIA_RISKS, [1.0, 4.0, 1.7, 1.7, 1.6, 4.6, 1.9]),

    ("h1", "11. Action plan"),
    ("table", DPIA_ACTIONS, [1.3, 6.3, 3.4, 2.6, 2.9]),
    ("h2", "11.1 Open questions not yet assigned"),
    ("bullet", "Q1. Will the vendor's out-of-hours staff ever need case data to resolve a P1, and who approves that at 03:00?"),
    ("bullet", "Q2. Is Halcyon's “Ashburn” processing the only US location, or can requests fail over elsewhere?"),
    ("bullet", "Q3. Can a student object to profiling under Article 21, and what happens to their score if they do?"),
    ("bullet", "Q4. How will the vendor show that the zero-data-retention configuration is actually applied to our tenant?"),
    ("bullet", "Q5. When a former student returns for postgraduate study, is their old disability record re-linked or kept separately?"),

    ("h1", "12. DPO advice and sign-off"),
    ("p", "TBC. DPO advice will be given when actions DA-01 to DA-08 are complete. Target: approval at the project board on 27 November 2026, before the pilot starts on 11 January 2027 and go-live on 6 April 2027. If residual risk for R02 or R05 stays high, prior consultation with the Information Commissioner under Article 36 must be considered."),
    ("table", DPIA_SIGNOFF, [5.0, 3.0, 3.5, 2.5, 2.5]),
]


def build_dpia():
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    sec = doc.sections[0]
    sec.page_height = Cm(29.7)
    sec.page_width = Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.2)
    hp = sec.header.paragraphs[0]
    hp.style = normal
    hr = hp.add_run("DPIA-2026-031 StudentCompass — DRAFT v0.4 — OFFICIAL-SENSITIVE")
    hr.font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.style = normal
    fr = fp.add_run("Fenwick Valley University — Governance and Compliance Office — Page ")
    fr.font.size = Pt(8)
    add_page_field(fp)

    for item in DPIA_BODY:
        kind = item[0]
        if kind == "title":
            doc.add_heading(item[1], level=0)
        elif kind == "h1":
            doc.add_heading(item[1], level=1)
        elif kind == "h2":
            doc.add_heading(item[1], level=2)
        elif kind == "p":
            doc.add_paragraph(item[1])
        elif kind == "bullet":
            doc.add_paragraph(item[1], style="List Bullet")
        elif kind == "note":
            p = doc.add_paragraph()
            r = p.add_run(item[1])
            r.bold = True
            r.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        elif kind == "table":
            docx_table(doc, item[1], item[2], font_pt=8.5, header_fill="DCE6F1")
        else:
            raise ValueError(kind)

    when = dt.datetime(2026, 11, 4, 16, 45, 0)
    set_core(doc, "DPIA-2026-031 StudentCompass (draft v0.4)", "Tom Brennan",
             "Data Protection Impact Assessment", when,
             keywords="DPIA; StudentCompass; draft", comments="Draft - not approved")
    save_docx(doc, os.path.join(OUT, "dpia-draft.docx"), (2026, 11, 4, 16, 45, 0))


# ===========================================================================
# PDF helpers
# ===========================================================================

SS = getSampleStyleSheet()
ST_BODY = ParagraphStyle("body", parent=SS["Normal"], fontName="Helvetica",
                         fontSize=9.5, leading=12.5, spaceAfter=5, alignment=TA_LEFT)
ST_CELL = ParagraphStyle("cell", parent=SS["Normal"], fontName="Helvetica",
                         fontSize=8, leading=10)
ST_CELL_B = ParagraphStyle("cellb", parent=ST_CELL, fontName="Helvetica-Bold")
ST_TITLE = ParagraphStyle("title", parent=SS["Normal"], fontName="Helvetica-Bold",
                          fontSize=15, leading=19, spaceAfter=6)
ST_SUB = ParagraphStyle("sub", parent=SS["Normal"], fontName="Helvetica",
                        fontSize=10, leading=13, spaceAfter=4)
ST_CAP = ParagraphStyle("cap", parent=SS["Normal"], fontName="Helvetica-Bold",
                        fontSize=10.5, leading=13, spaceBefore=10, spaceAfter=4)
ST_ITEM = ParagraphStyle("item", parent=SS["Normal"], fontName="Helvetica-Bold",
                         fontSize=10, leading=13, spaceBefore=8, spaceAfter=3)


def P(text, style=ST_BODY):
    return Paragraph(escape(text), style)


def ruled_table(rows, widths, header_bg=colors.HexColor("#D9D9D9"), first_col_bold=False):
    data = []
    for r_idx, row in enumerate(rows):
        cells = []
        for c_idx, v in enumerate(row):
            st = ST_CELL_B if (r_idx == 0 or (first_col_bold and c_idx == 0)) else ST_CELL
            cells.append(Paragraph(escape(str(v)), st))
        data.append(cells)
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), header_bg),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def page_decorator(header_text, footer_text):
    def _draw(canvas, doc):
        canvas.saveState()
        w, h = A4
        canvas.setFont("Helvetica", 7.5)
        canvas.drawString(18 * mm, h - 12 * mm, header_text)
        canvas.line(18 * mm, h - 13.5 * mm, w - 18 * mm, h - 13.5 * mm)
        canvas.drawString(18 * mm, 10 * mm, footer_text)
        canvas.drawRightString(w - 18 * mm, 10 * mm, "Page %d" % doc.page)
        canvas.restoreState()
    return _draw


# ===========================================================================
# 3. VENDOR SECURITY RESPONSE (PDF)
# ===========================================================================

Q_SECTIONS = [
    ("A. Governance and Organisation", [
        ("GOV-01", "Do you have a documented information security policy, approved by senior management and reviewed at least annually?", "Yes", "Information Security Policy v5.0, approved by the Board of Lindqvist Learning Systems AB on 12 February 2026. Available under NDA."),
        ("GOV-02", "Is there a named individual with overall responsibility for information security?", "Yes", "Karin Holmqvist, Head of Information Security, reporting directly to the CEO. The function is not outsourced."),
        ("GOV-03", "Have you appointed a Data Protection Officer? Provide contact details.", "Yes", "Sofia Andersson, DPO, dpo@lindqvist-learning.se."),
        ("GOV-04", "State your company legal name, registration number and registered address.", "See comment", "Lindqvist Learning Systems AB, organisation number 559214-3087, Lindholmspiren 7, SE-417 56 Göteborg, Sweden. UK customers are supported by our partner Northbridge EdTech Partners Ltd (Company No. 10938472), Suite 5, Canal House, 12 Gas Street, Birmingham B1 2JT."),
        ("GOV-05", "How many employees do you have, and how many have access to customer production data?", "See comment", "146 employees (June 2026). 14 engineers in Gothenburg have privileged production access. Northbridge: 3 named consultants during data migration only."),
        ("GOV-06", "Do all staff complete security and data protection training at induction and at least annually?", "Yes", "Completion rate for 2025 was 97%. Quarterly phishing simulations."),
        ("GOV-07", "Are staff background-checked before employment?", "Partially", "Identity and reference checks for all staff. An extract from the Swedish criminal records register is required for staff with production access. Lindqvist does not carry out UK DBS checks; Northbridge consultants hold basic DBS certificates."),
        ("GOV-08", "Do you hold cyber / data breach insurance? State the limits.", "Yes", "Cyber liability insurance with a limit of SEK 25,000,000 (approx. £1.9m) per policy year. Professional indemnity SEK 50,000,000. Certificates on request."),
        ("GOV-09", "Do your standard terms limit your liability for data protection breaches?", "Yes", "Our General Terms (v2025.2) cap aggregate liability at 100% of fees paid in the previous 12 months. We are open to discussing this during contract negotiation."),
    ]),
    ("B. Certifications and Assurance", [
        ("CER-01", "Are you certified to ISO/IEC 27001? Give the certificate number, certification body, scope and expiry date.", "Yes", "ISO/IEC 27001:2022, certificate NC-27001-4471, issued by Nordcert Certifiering AB on 15 March 2024, valid until 14 March 2027. Scope: design, development, operation and support of the StudentCompass platform from Gothenburg. Surveillance audit in February 2026 passed with two minor non-conformities, both closed."),
        ("CER-02", "Do you hold Cyber Essentials or Cyber Essentials Plus?", "Partially", "Cyber Essentials Plus assessment in progress for the UK support environment; certificate expected September 2026. Northbridge holds Cyber Essentials (basic), certificate valid until 30 June 2026; renewal in progress."),
        ("CER-03", "Can you provide a SOC 2 Type II report?", "No", "Not held. SOC 2 is under evaluation for 2027 for North American customers. ISO/IEC 27001 is our primary framework."),
        ("CER-04", "Are you certified to ISO/IEC 27701 (privacy information management)?", "No", "Not currently planned."),
        ("CER-05", "Are you certified to, or working towards, ISO/IEC 42001 (AI management systems)?", "Partially", "Gap analysis completed April 2026. Certification targeted for Q2 2027."),
        ("CER-06", "Does the service meet WCAG 2.2 AA?", "Partially", "Staff interface audited to WCAG 2.1 AA (November 2025). Student interface WCAG 2.2 AA audit planned for Q4 2026. Accessibility statement available."),
        ("CER-07", "Are your hosting providers independently certified?", "Yes", "Microsoft Azure: ISO/IEC 27001, 27017 and 27018, SOC 1/2/3. We rely on Microsoft's published attestations."),
    ]),
    ("C. Access Control", [
        ("ACC-01", "Does the service support single sign-on with Microsoft Entra ID (SAML 2.0 or OIDC)?", "Yes", "SAML 2.0 and OpenID Connect. Entra ID is used by 19 of our 23 UK customers."),
        ("ACC-02", "Is MFA enforced for all administrative and vendor support access?", "Yes", "Phishing-resistant MFA (FIDO2 keys) for all Lindqvist staff with production access. Administrative access through Azure Bastion and privileged identity management with just-in-time elevation (maximum 4 hours)."),
        ("ACC-03", "Does the application provide role-based access control?", "Yes", "12 predefined roles plus configurable custom roles. Case notes can be restricted to named case workers (“sealed cases”)."),
        ("ACC-04", "Is automated provisioning and de-provisioning supported (e.g. SCIM)?", "Partially", "SCIM 2.0 is in beta. Most customers use the nightly user feed from the student record; accounts are de-provisioned within 24 hours of removal from the feed."),
        ("ACC-05", "Is the session timeout configurable?", "Yes", "Default idle timeout 30 minutes, configurable from 15 to 480 minutes."),
        ("ACC-06", "Are privileged access rights reviewed regularly?", "Yes", "Quarterly review by the Head of Engineering and the Head of Information Security."),
        ("ACC-07", "Can the customer see when vendor staff access its data?", "Partially", "All vendor support access is logged internally. A customer-visible access log is planned for release 2026.4 (November 2026)."),
        ("ACC-08", "Can vendor staff access customer data without the customer's approval?", "No", "Support access to customer data needs a customer-approved ticket. Break-glass access is allowed for P1 incidents only and is reviewed within 24 hours."),
    ]),
    ("D. Encryption", [
        ("ENC-01", "Is customer data encrypted at rest? State the algorithm.", "Yes", "AES-256 through Azure Storage Service Encryption and Azure SQL Transparent Data Encryption."),
        ("ENC-02", "Are customer-managed keys (BYOK) supported?", "No", "Microsoft-managed keys. BYOK is on the roadmap for 2027; no committed date."),
        ("ENC-03", "Which TLS versions are accepted in transit?", "Yes", "TLS 1.2 minimum, TLS 1.3 preferred. TLS 1.0 and 1.1 are disabled on all endpoints."),
        ("ENC-04", "Are backups encrypted?", "Yes", "AES-256, same key hierarchy as production."),
        ("ENC-05", "Are uploaded documents encrypted and scanned for malware?", "Yes", "Stored in Azure Blob Storage (encrypted) and scanned with Microsoft Defender for Storage."),
        ("ENC-06", "Is additional field-level encryption applied to special category data?", "No", "Case notes are protected by encryption at rest and role-based access control. No additional field-level encryption."),
    ]),
    ("E. Logging and Monitoring", [
        ("LOG-01", "Are user accesses to records logged?", "Yes", "All views, edits, exports and prints of case records are logged with user, timestamp and IP address."),
        ("LOG-02", "How long are audit logs retained?", "See comment", "12 months online. Older logs are not retained."),
        ("LOG-03", "Can logs be exported to the customer's SIEM?", "Partially", "CSV export in the user interface and export through the API. Syslog or SIEM streaming is not supported."),
        ("LOG-04", "Is security monitoring performed 24x7?", "Yes", "Microsoft Sentinel, monitored by our in-house security team during Swedish business hours and by the on-call engineer outside them."),
        ("LOG-05", "Are logs protected against tampering?", "Yes", "Written to immutable storage."),
        ("LOG-06", "Are system clocks synchronised?", "Yes", "Azure time service (NTP)."),
    ]),
    ("F. Backup, Business Continuity and Disaster Recovery", [
        ("BDR-01", "How often are backups taken?", "Yes", "Azure SQL point-in-time restore, with transaction log backups every 5 to 10 minutes and full backups daily."),
        ("BDR-02", "Where are backups stored?", "See comment", "Backups are geo-replicated to Azure North Europe (Dublin) for resilience."),
        ("BDR-03", "How long are backups retained?", "See comment", "30 days."),
        ("BDR-04", "What are your RPO and RTO?", "See comment", "RPO 24 hours and RTO 24 hours for all modules (contractual commitment). Actual performance is typically much better."),
        ("BDR-05", "Is disaster recovery tested? When was the last test?", "Yes", "Annual DR test. Last test 22 January 2026: full service restored in 6 hours 40 minutes."),
        ("BDR-06", "What availability do you commit to?", "See comment", "99.5% per month for all modules, excluding planned maintenance. Measured availability in 2025: 99.93%."),
        ("BDR-07", "Do you have a documented and tested business continuity plan?", "Yes", "Business Continuity Plan v3, tested annually (last tabletop exercise March 2026)."),
    ]),
    ("G. Incident Management", [
        ("INC-01", "Do you have a documented incident response plan?", "Yes", "Incident Response Plan v4.1, reviewed annually and tested twice a year."),
        ("INC-02", "Within what time will you notify the customer of a personal data breach?", "Yes", "We notify affected customers without undue delay, and within 72 hours of confirming a personal data breach."),
        ("INC-03", "Have you reported any personal data breach to a supervisory authority in the last three years?", "Yes", "One notification to IMY (the Swedish Authority for Privacy Protection) in September 2024: an export emailed to the wrong recipient, affecting 212 students at one Swedish customer. IMY closed the matter without action."),
        ("INC-04", "Have you suffered a ransomware attack or other major security incident in the last three years?", "No", "—"),
        ("INC-05", "Will the customer receive a root-cause analysis?", "Yes", "Within 10 business days of resolution."),
        ("INC-06", "How are incidents handled out of hours?", "Yes", "24x7 P1 telephone line answered by on-call Lindqvist engineers in Gothenburg."),
    ]),
    ("H. Vulnerability Management and Testing", [
        ("VUL-01", "How often is independent penetration testing carried out? Who carried out the last test?", "Yes", "Annually and after major releases. Most recent test by Skärgård Security AB in March 2026."),
        ("VUL-02", "Are there any open Critical or High findings from the latest test?", "No", "0 Critical, 0 High. 3 Medium findings remediated by May 2026; 4 Low findings risk-accepted. Executive summary available under NDA."),
        ("VUL-03", "Do you allow customer-commissioned penetration testing?", "Yes", "One test per year at the customer's cost, with 15 business days' notice and an agreed scope."),
        ("VUL-04", "What are your patching timescales?", "Yes", "Critical: 7 days. High: 30 days. Medium: next scheduled release."),
        ("VUL-05", "Do you follow a secure development lifecycle?", "Yes", "OWASP ASVS Level 2; static and dynamic testing and dependency scanning in the CI pipeline."),
        ("VUL-06", "Do you run a vulnerability disclosure or bug bounty programme?", "Partially", "Published vulnerability disclosure policy. No bug bounty."),
    ]),
    ("I. Artificial Intelligence and Machine Learning", [
        ("AI-01", "Describe any AI or machine-learning components in the service.", "See comment", "(1) Compass Engagement Risk Model v2.2, a gradient-boosted tree model that produces an at-risk score from 0 to 100 each week. (2) Compass Chat, which uses Halcyon Sage 3.1 through the Halcyon AI, Inc. API, with retrieval over knowledge articles approved by the customer."),
        ("AI-02", "Is customer data used to train or improve your models or third-party models?", "Partially", "The Risk Model is trained on pooled, pseudonymised engagement data from participating customers (currently 14 institutions in Sweden, Norway and the UK). Customers may opt out at any time by contacting support; opted-out customers receive the generic model. Chat content is not used for training."),
        ("AI-03", "Does the third-party LLM provider retain prompts or outputs?", "Yes", "Halcyon keeps prompts and outputs for up to 30 days for abuse monitoring and then deletes them. Halcyon does not train on API data. Zero data retention is available on Halcyon's enterprise tier; we are negotiating this."),
        ("AI-04", "Where is LLM inference performed?", "See comment", "Halcyon data centres in the United States. We are evaluating an EU inference option for 2027."),
        ("AI-05", "Is any special category data used as a model input?", "No", "Risk Model inputs are attendance, VLE activity, assessment submissions and grades, and timetable data. Disability and wellbeing case data are not used as inputs."),
        ("AI-06", "Does the service make automated decisions about individuals?", "No", "Scores are advisory. A member of staff decides on any action."),
        ("AI-07", "Is the model tested for bias?", "Partially", "Evaluated by sex and age band. Other protected characteristics are not available in the training data. Model card available."),
        ("AI-08", "Are model outputs explained to users?", "Yes", "The top 5 contributing factors are shown with each score."),
        ("AI-09", "Can AI features be disabled for particular user groups?", "Yes", "Compass Chat can be disabled per role or cohort, for example for students under 18."),
        ("AI-10", "What safeguards prevent harmful chat output?", "Yes", "Halcyon moderation plus Lindqvist's own safety layer. Crisis keywords trigger signposting to national helplines and the institution's contacts."),
        ("AI-11", "Does Compass Chat support voice interaction?", "N/A", "Compass Chat is text-only in the current release. Voice is on the roadmap."),
        ("AI-12", "Has Compass Chat been tested against prompt injection?", "Yes", "Internal red-team exercise in April 2026. No significant issues open."),
    ]),
    ("J. Sub-processors and Supply Chain", [
        ("SUP-01", "List all sub-processors, with services and locations.", "See comment", "Microsoft Ireland Operations Ltd (Azure hosting: UK South, UK West, North Europe); Northbridge EdTech Partners Ltd (UK implementation and first-line support); Halcyon AI, Inc. (LLM inference, USA); Pellucid Messaging Ltd (SMS, Ireland). Error monitoring is performed in-house."),
        ("SUP-02", "Is any support delivered, or customer data accessed, from outside the UK/EEA?", "No", "All support is delivered by Lindqvist staff in Sweden and Northbridge staff in the UK. No customer data is accessed from outside the UK/EEA, other than Compass Chat inference by Halcyon (see AI-04)."),
        ("SUP-03", "How are customers told about sub-processor changes?", "Yes", "30 days' notice through the customer portal. Customers may object."),
        ("SUP-04", "Do you carry out due diligence on sub-processors?", "Yes", "Before onboarding and annually after that."),
        ("SUP-05", "What transfer mechanism is used for transfers outside the UK/EEA?", "Yes", "Halcyon: EU Standard Contractual Clauses with the UK Addendum."),
        ("SUP-06", "Is software escrow available?", "No", "Not offered for SaaS services."),
    ]),
    ("K. Data Handling, Retention and Deletion", [
        ("DAT-01", "Where is customer data stored?", "Yes", "For UK customers, Azure UK South. All customer data is stored in the UK, with the exceptions described in BDR-02 and AI-04."),
        ("DAT-02", "What is the default retention period for case notes?", "See comment", "Kept for the duration of the subscription unless the customer configures retention rules. Rules can be set per case type."),
        ("DAT-03", "What is the retention period for chat transcripts?", "See comment", "12 months by default, configurable down to a minimum of 90 days."),
        ("DAT-04", "Can the customer configure automated deletion?", "Yes", "Retention rules per record type, run nightly."),
        ("DAT-05", "How is data returned at the end of the contract?", "Yes", "Full export in JSON and CSV, with attachments in their original formats, within 30 days."),
        ("DAT-06", "When is data deleted after termination?", "Yes", "Within 90 days, including backups. Certificate on request."),
        ("DAT-07", "Do you collect biometric data?", "No", "Not collected."),
        ("DAT-08", "Do you process payment card data?", "N/A", "The service does not take payments."),
        ("DAT-09", "Is the service designed for use by children?", "Partially", "Designed for users aged 16 and over. No age verification; we rely on date of birth in the customer's records."),
        ("DAT-10", "Is customer data used for analytics or benchmarking across customers?", "Partially", "Aggregated, anonymised statistics feed the Compass Insights benchmarking service for subscribing customers. Default on in the current release; can be disabled."),
        ("DAT-11", "Is production data used in test environments?", "No", "Synthetic data is used. Customer-approved copies are used only for migration testing."),
    ]),
]


def build_vendor_response():
    path = os.path.join(OUT, "vendor-security-response.pdf")
    doc = SimpleDocTemplate(
        path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
        topMargin=20 * mm, bottomMargin=18 * mm, invariant=1,
        title="Response to Supplier Information Security Questionnaire — StudentCompass",
        author="Karin Holmqvist, Lindqvist Learning Systems AB",
        subject="ITT FVU-IT-2026-09", creator="Lindqvist Learning Systems AB",
        producer="Lindqvist Learning Systems AB")
    story = []
    story.append(P("Lindqvist Learning Systems AB", ST_SUB))
    story.append(P("Response to Fenwick Valley University Supplier Information Security Questionnaire (SISQ v3.1)", ST_TITLE))
    story.append(P("Tender: ITT FVU-IT-2026-09 — Student Support Case Management Platform. Product: StudentCompass (release 2026.2).", ST_SUB))
    meta = [
        ["Field", "Value"],
        ["Respondent", "Karin Holmqvist, Head of Information Security, Lindqvist Learning Systems AB"],
        ["Response version", "1.2"],
        ["Date", "3 July 2026"],
        ["Reviewed by", "Jonas Ek, Head of Data Science (section I); Anders Nyberg, Customer Success Director (sections J and K)"],
        ["Classification", "Confidential — provided for tender evaluation only"],
    ]
    story.append(ruled_table(meta, [40 * mm, 134 * mm], first_col_bold=True))
    story.append(Spacer(1, 6))
    story.append(P("Introduction", ST_CAP))
    story.append(P("Thank you for the opportunity to respond. Our answers describe the StudentCompass service as it is operated on the date of this response. Where a capability is on our roadmap we have said so, together with the expected date; roadmap items are not commitments. Response values are Yes, No, Partially, N/A or See comment. Supporting documents marked “under NDA” will be shared once the mutual NDA dated 20 June 2026 is countersigned."))
    story.append(P("StudentCompass is delivered as a multi-tenant software-as-a-service platform on Microsoft Azure. Each customer has a logically separate tenant and database. UK customers are implemented and supported in partnership with Northbridge EdTech Partners Ltd in Birmingham."))

    n = 0
    for caption, rows in Q_SECTIONS:
        story.append(P(caption, ST_CAP))
        data = [["Ref", "Question", "Response", "Evidence / comment"]]
        for ref, q, resp, ev in rows:
            data.append([ref, q, resp, ev])
            n += 1
        story.append(ruled_table(data, [16 * mm, 56 * mm, 20 * mm, 82 * mm]))
    story.append(P("Declaration", ST_CAP))
    story.append(P("I confirm that, to the best of my knowledge, the responses above are accurate at the date of this response. Lindqvist Learning Systems AB will tell Fenwick Valley University of any material change before contract award."))
    story.append(P("Karin Holmqvist, Head of Information Security — Gothenburg, 3 July 2026"))
    story.append(P("Total questions answered: %d" % n, ST_CELL))

    deco = page_decorator("Lindqvist Learning Systems AB — SISQ v3.1 response v1.2 — Confidential",
                          "StudentCompass — ITT FVU-IT-2026-09 — 3 July 2026")
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    return n


# ===========================================================================
# 4. STEERING MINUTES (PDF)
# ===========================================================================

ATTENDEES = [
    ["Name", "Role", "Organisation", "Attendance"],
    ["Dr Simon Hale", "Pro Vice-Chancellor (Student Experience); Chair and Senior Responsible Owner", "FVU", "Present"],
    ["Joanne Mercer", "Director of Student Services; Information Asset Owner", "FVU", "Present"],
    ["Daniel Osei", "Programme Manager, Digital Transformation Office", "FVU", "Present"],
    ["Dr Rachel Adeyemi", "Data Protection Officer", "FVU", "Present"],
    ["Tom Brennan", "Information Governance Manager", "FVU", "Present for items 5 and 6"],
    ["Lewis Carter", "Information Security Manager, IT Services", "FVU", "Present"],
    ["Gareth Pryce", "IT Service Delivery Manager, IT Services", "FVU", "Present"],
    ["Oliver Dunn", "Head of Procurement", "FVU", "Present"],
    ["Hannah Whitlock", "Head of Disability and Inclusion", "FVU", "Present"],
    ["Priya Raman", "Senior Contracts Counsel, Legal Services", "FVU", "Apologies (written comments on item 8)"],
    ["Niamh Fitzgerald", "Vice-President Welfare", "Fenwick Valley Students' Union", "Present for items 1 to 6"],
    ["Anders Nyberg", "Customer Success Director", "Lindqvist Learning Systems AB", "Items 3, 4, 5, 7 and 8 (Teams)"],
    ["Beth Kaur", "Account Manager", "Northbridge EdTech Partners Ltd", "Items 3 and 4 (Teams)"],
    ["Aisha Qureshi", "Project Officer (minutes)", "FVU", "Present"],
]

MINUTES_ITEMS = [
    ("1. Welcome, apologies and declarations of interest", [
        "The Chair welcomed members, including Niamh Fitzgerald, who was attending her first meeting as the Students' Union's representative. Apologies were received from Priya Raman, who had sent written comments on item 8. The meeting was quorate.",
        "Oliver Dunn declared that a family member works for a Microsoft partner company. It is not Northbridge and has no involvement with the project. The Chair noted the declaration and agreed that no action was needed.",
    ]),
    ("2. Minutes of meeting 6 (10 November 2026) and matters arising", [
        "The minutes were approved with one correction: the Castlegate penetration test ran from 9 to 20 November 2026, not 2 to 13 November as recorded.",
        "A-06-02 (Cyber Essentials Plus certificate): still open. Clause 12.2 of the contract required the certificate by 30 November 2026. Anders Nyberg said the assessment was passed on 28 August 2026. However, the certificate sent on 1 December is in Northbridge's name and covers Northbridge's Birmingham office only. Lewis Carter said this does not meet clause 12.2, which refers to the environments from which the service is supported, including Gothenburg. The action was carried forward.",
        "A-06-05 (Halcyon transfer risk assessment): closed. Received 27 November 2026 and reviewed by Lewis Carter.",
    ]),
    ("3. Programme status and revised timeline", [
        "Daniel Osei reported overall status as red for schedule and amber for everything else. Three things are driving the delay: (i) High finding H2 from the penetration test remains open (item 4); (ii) the DPIA has not been approved (item 5); and (iii) a change to the Keystone API on the University's side means the nightly feed fails for students with more than one programme record. The Keystone fix is in release 26.4, scheduled for 12 January 2027, which is after the contract's target Pilot Start Date of 11 January 2027.",
        "He proposed moving the Pilot Start Date from 11 January 2027 to 1 February 2027, and the Go-Live Date from 6 April 2027 to 1 June 2027. The Board discussed going live at the start of the 2027/28 academic year (6 September 2027). Joanne Mercer preferred September, to avoid changing systems during the May–June assessment period. Daniel Osei pointed out that a September go-live would leave only 24 days before the contract's Long-stop Date of 30 September 2027 and would need the Maple contract to run to the end of September in any case. The Board agreed 1 June 2027, with a decision point on 30 April 2027 against the pilot exit criteria and 6 September 2027 as the fallback.",
        "The Board also agreed to remove the Foundation Year from the pilot cohort, so that no students under 18 take part in the pilot. The pilot cohort is now the School of Health and Life Sciences and the Business School, about 2,100 students.",
        "Beth Kaur reported that migration dry run 2 finished on 27 November 2026: 38,412 of 38,530 Maple case records migrated successfully. The 118 failures were all records with attachments larger than 25 MB. Northbridge is working on a fix and will repeat the run in the week starting 11 January 2027. Northbridge resources are confirmed to the end of June 2027.",
    ]),
    ("4. Security testing", [
        "Lewis Carter summarised the Castlegate Assurance Ltd report, issued on 27 November 2026 after testing from 9 to 20 November 2026. There were no Critical findings, 2 High, 6 Medium and 5 Low.",
        "H1, broken object-level authorisation in the appointment booking API, let an authenticated student see other students' appointment slots, including the adviser's name and the appointment type. Lindqvist fixed it on 1 December, Castlegate retested it on 4 December, and it is now closed. H2, prompt injection in Compass Chat, made the assistant reveal its system prompt and the content of three knowledge articles marked staff-only. No student personal data was exposed during testing. Lindqvist plans to deploy a fix on 18 December 2026, and the retest is booked for the week starting 11 January 2027. Under clause 12.7 the 30-day deadline for High findings is 27 December 2026.",
        "Of the Medium findings, M1 (sessions stayed valid for up to 12 hours through a refresh token, even though the idle timeout was set to 30 minutes), M3 (formula injection in CSV exports) and M4 (TLS 1.0 accepted on the SMS delivery-status webhook) have been fixed. M2, M5 and M6 are due by 25 February 2027. Lewis Carter noted that the questionnaire response had said TLS 1.0 and 1.1 were disabled on all endpoints, and that Lindqvist's own red-team exercise in April 2026 had found no significant prompt-injection issues.",
        "Anders Nyberg asked whether the pilot could start with H2 open if Compass Chat were switched off. The Board did not accept that as the plan. However, it agreed a contingency: if H2 is not closed by 22 January 2027, the pilot will start on 1 February 2027 without Compass Chat rather than slip again, and Chat will be enabled once the retest passes.",
        "The first disaster-recovery test required by clause 4.5 is scheduled for 14 December 2026. Gareth Pryce asked for the Analytics module to be included in the test; Anders Nyberg could not confirm this.",
    ]),
    ("5. Data protection and the DPIA", [
        "Dr Rachel Adeyemi said DPIA v0.4 (4 November 2026) could not be approved at this meeting, as had been hoped at meeting 6. The fairness evaluation arrived on 2 December but covers Risk Model v2.2, not v2.3, which is the version named in the contract. On 30 November Lindqvist confirmed in writing that “wellbeing_contacts_90d” (the number of wellbeing appointments in the previous 90 days) is an optional feature that is switched on by default in v2.3. The Board agreed that the feature must be switched off for the University's tenant. Anders Nyberg said this is possible, but Lindqvist has not validated the model's accuracy without the feature and could not say what effect removing it would have. The Meridian transfer risk assessment, due by 30 November under clause 10.5, has not been received.",
        "Chat transcript retention: the contract sets 90 days, and clause 9.4 allows the University to reduce this to no less than 30 days. Joanne Mercer had wanted 90 days so that advisers could review safety escalations. The DPO recommended 30 days, because escalated conversations are copied into the case record anyway. The Board agreed 30 days and asked Legal Services to serve notice under clause 9.4 by 15 December 2026. Anders Nyberg said the deletion job runs weekly, so in practice transcripts could stay for up to 37 days. The DPO asked for the job to run daily.",
        "Case-note retention was confirmed as 6 years from the later of case closure and the end of the student's last registration. Hannah Whitlock asked what happens to a disability record when a former student comes back for postgraduate study: is the old record re-linked, or kept separate and deleted on its own schedule? Nobody could answer, and the question was carried forward.",
        "Anders Nyberg presented Lindqvist's “Compass Model Improvement Programme”. Under it, de-identified engagement data from the University's tenant would be used to retrain the Risk Model in Azure Sweden Central, and in return Lindqvist would give a 5% discount on the Analytics module fee (£1,925 a year). The DPO said that data linked to cohorts and weekly timestamps would still be pseudonymised personal data, not anonymous data. The Board declined the offer and gave no consent under clause 11.4. It will not revisit the question until at least one full year after go-live.",
        "Tom Brennan will circulate DPIA v0.5 by 8 January 2027, with the aim of approval at meeting 8 on 19 January 2027.",
    ]),
    ("6. Students' Union concerns about the at-risk score", [
        "Niamh Fitzgerald presented the SU paper “Scored Without Consent?” (25 November 2026), which is based on a survey of 640 students. 71% of respondents were uncomfortable with personal tutors seeing a risk score, and 58% did not know the University already collects attendance data. The SU asked for five things: (1) students to be able to see their own score and the factors behind it; (2) a right to opt out; (3) a guarantee that the score will never be used in disciplinary, fitness-to-study, academic misconduct or UKVI attendance-monitoring processes; (4) an SU seat on an oversight group; and (5) an annual published equality report.",
        "The Board responded as follows. (1) Agreed in principle, but not for the pilot: the student view of the score will not be available until Lindqvist's release 2027.2, which has no confirmed date. (2) The DPO advised that if the lawful basis is public task, students have the right to object under Article 21 whatever the Board decides. The process for handling objections is TBC and depends on the legal advice requested under DPIA action DA-07. (3) Agreed, and recorded as a decision. (4) Agreed: an AI and Analytics Oversight Group will be set up with an SU seat. (5) Agreed, with small numbers suppressed.",
        "The Board also agreed that during the pilot the score will be visible to Student Support advisers only, not to personal tutors. This changes section 2.4 of the DPIA. Niamh Fitzgerald asked whether international students' scores would be shared with the visa compliance team. Joanne Mercer said they would not. The SU asked for this in writing.",
    ]),
    ("7. Sub-processors and supply chain", [
        "Lewis Carter reminded the Board that Lindqvist disclosed its out-of-hours subcontractor, Meridian Support Services Private Limited in Pune, only on 2 October 2026, after the preferred bidder had been chosen, even though questionnaire answer SUP-02 had said no support is delivered from outside the UK or EEA. Anders Nyberg apologised and explained that the Meridian contract began in August 2026, after the questionnaire response. Meridian has handled two University tickets in the test environment. The Board asked for evidence, in the form of an access-control matrix, that Meridian staff cannot reach case data.",
        "Lindqvist intends to replace Pellucid Messaging Ltd with TextHarbour Ltd (Manchester) as the SMS provider from 1 March 2027. Formal notice under clause 10.2 is expected in January 2027. The Board had no objection in principle.",
        "On backups, Anders Nyberg confirmed that they are now held in UK West, as the contract requires, and that the move from North Europe was completed on 20 November 2026. Lewis Carter asked for evidence, including confirmation that no copies remain in North Europe.",
    ]),
    ("8. Commercial matters", [
        "Oliver Dunn reported four matters. (a) Lindqvist's change request CCN-01 proposes increasing the Compass Chat fee from £21,000 to £27,500 a year from 1 March 2027, because of the planned upgrade to Halcyon Sage 4.0. The Board rejected it: under clause 13.5, higher third-party costs do not allow a fee increase. Anders Nyberg confirmed that Halcyon Sage 3.5 will remain supported until at least 31 August 2027, and the Board noted that any model change needs 60 days' notice under clause 11.6 and cannot take effect between 1 May and 15 June.",
        "(b) To reflect the delay, Lindqvist offered a credit of one month's Contract Year 1 subscription (£11,145) and to move the first indexation date from 1 December 2027 to 1 February 2028. Procurement had asked for two months (£22,290). Lindqvist declined, because the Keystone delay is on the University's side. The Board accepted the one-month credit and the indexation deferral, to be recorded in CCN-02. Oliver Dunn pointed out that under clause 13.2 the second Year 1 instalment is due on the earlier of the Go-Live Date and 1 May 2027, so with go-live now on 1 June 2027 it will fall due on 1 May 2027. He will try to align this through CCN-02. Lindqvist has not yet agreed.",
        "(c) Insurance: the broker's certificate provided on 21 October shows cyber cover of £3,000,000 in the aggregate, below the £5,000,000 required by clause 15.1(b). Lindqvist says the cover will be increased when the policy renews on 1 April 2027. In her written comments, Priya Raman advised that this is a breach and recommended a written reservation of rights rather than a waiver. The Board agreed.",
        "(d) The implementation fee milestone (50% on the Go-Live Date) moves automatically with the Go-Live Date. No change note is needed.",
    ]),
    ("9. Legacy system (Maple)", [
        "The Maple contract with Orchard Systems Ltd (FVU-CON-2019-0062) ends on 31 March 2027 and has no extension options left. Orchard has offered a 3-month extension to 30 June 2027 for £10,900, or a 6-month extension to 30 September 2027 for £19,800. Orchard rejected Procurement's proposal of a month-by-month rolling extension. Because a 1 June go-live leaves little margin, and to cover the September fallback, the Board chose the 6-month extension. Procurement will complete the direct-award justification under the University's Financial Regulations and issue the extension by 18 December 2026. Orchard will be asked to give a deletion certificate for records that are not migrated.",
    ]),
    ("10. Risks and issues", [
        "Daniel Osei took the Board through the top risks: R-03 (DPIA approval), R-07 (H2 remediation), R-11 (Keystone release 26.4) and two new risks, R-15 (vendor insurance shortfall) and R-16 (closeness of the Long-stop Date if the fallback is used). No other risks were escalated.",
    ]),
    ("11. Any other business", [
        "Gareth Pryce reported that the IT service team has set up a service-level tracker. Lindqvist's first monthly service report, received on 7 December, did not include any Compass Chat figures.",
        "Next meeting: 19 January 2027, 14:00, Room 2.14, Chancellor's Building, and Microsoft Teams.",
    ]),
]

DECISIONS = [
    ["Ref", "Decision", "Item", "Conditions / notes"],
    ["D-07-01", "Pilot Start Date moved from 11 January 2027 to 1 February 2027. Go-Live Date moved from 6 April 2027 to 1 June 2027.", "3", "Decision point 30 April 2027; fallback go-live 6 September 2027"],
    ["D-07-02", "Foundation Year removed from the pilot cohort; no under-18s in the pilot", "3", "Pilot cohort now c. 2,100 students"],
    ["D-07-03", "The pilot will not start with an open High finding in the modules in use", "4", "If H2 is not closed by 22 January 2027, the pilot starts without Compass Chat"],
    ["D-07-04", "Chat transcript retention reduced to 30 days under clause 9.4", "5", "Vendor asked to run deletion daily"],
    ["D-07-05", "Compass Model Improvement Programme declined; no consent under clause 11.4", "5", "Not to be revisited until at least one year after go-live"],
    ["D-07-06", "At-risk score not to be used for disciplinary, fitness-to-study, academic misconduct or UKVI processes; visible to Student Support advisers only during the pilot", "6", "DPIA section 2.4 to be updated"],
    ["D-07-07", "AI and Analytics Oversight Group to be set up with an SU seat", "6", "Terms of reference to meeting 8"],
    ["D-07-08", "CCN-01 (Compass Chat fee increase to £27,500) rejected", "8", "Clause 13.5"],
    ["D-07-09", "One-month delay credit (£11,145) and first indexation moved to 1 February 2028 accepted", "8", "To be recorded in CCN-02"],
    ["D-07-10", "Written reservation of rights on the insurance shortfall; no waiver", "8", "Cyber cover £3m against £5m required"],
    ["D-07-11", "Maple extended for 6 months to 30 September 2027 at £19,800", "9", "3-month option (£10,900) and rolling monthly extension not taken"],
]

ACTIONS = [
    ["Ref", "Action", "Owner", "Due", "Status"],
    ["A-06-02", "Provide a Cyber Essentials Plus certificate meeting clause 12.2", "Anders Nyberg / Lewis Carter", "30 Nov 2026", "Overdue — carried forward"],
    ["A-06-05", "Halcyon transfer risk assessment", "Anders Nyberg", "30 Nov 2026", "Closed 27 Nov 2026"],
    ["A-07-01", "Serve notice under clause 9.4 (chat transcripts 30 days)", "Priya Raman", "15 Dec 2026", "Open"],
    ["A-07-02", "Meridian transfer risk assessment and access-control matrix", "Anders Nyberg", "18 Dec 2026", "Open"],
    ["A-07-03", "Book Castlegate retest of H2 and confirm the 22 January decision", "Lewis Carter", "11 Jan 2027", "Open"],
    ["A-07-04", "Circulate DPIA v0.5", "Tom Brennan", "8 Jan 2027", "Open"],
    ["A-07-05", "Report Risk Model v2.3 performance with wellbeing_contacts_90d switched off", "Anders Nyberg", "8 Jan 2027", "Open"],
    ["A-07-06", "Draft CCN-02 (credit, indexation date, second Year 1 instalment)", "Oliver Dunn", "22 Dec 2026", "Open"],
    ["A-07-07", "Send reservation-of-rights letter on insurance", "Priya Raman", "15 Dec 2026", "Open"],
    ["A-07-08", "Issue Maple 6-month extension and request Orchard deletion certificate", "Oliver Dunn", "18 Dec 2026", "In progress"],
    ["A-07-09", "Terms of reference for the AI and Analytics Oversight Group", "Joanne Mercer / Niamh Fitzgerald", "19 Jan 2027", "Open"],
    ["A-07-10", "Written confirmation that scores are not shared with the visa compliance team", "Joanne Mercer", "19 Jan 2027", "Open"],
    ["A-07-11", "Evidence that backups are in UK West only", "Anders Nyberg", "18 Dec 2026", "Open"],
    ["A-07-12", "Update the project plan and tell the pilot schools about the new dates", "Daniel Osei", "15 Dec 2026", "Open"],
    ["A-07-13", "Move the chat deletion job to a daily run", "Anders Nyberg", "19 Jan 2027", "Open"],
    ["A-07-14", "Answer the question on re-linking disability records for returning students", "Hannah Whitlock / Anders Nyberg", "19 Jan 2027", "Open"],
    ["A-07-15", "Confirm that the Analytics module is included in the 14 December DR test", "Gareth Pryce", "11 Dec 2026", "Open"],
]


def build_minutes():
    path = os.path.join(OUT, "steering-minutes.pdf")
    doc = SimpleDocTemplate(
        path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
        topMargin=20 * mm, bottomMargin=18 * mm, invariant=1,
        title="StudentCompass Project Board — Meeting 7 — Draft minutes",
        author="Aisha Qureshi", subject="Draft minutes 8 December 2026",
        creator="Fenwick Valley University Digital Transformation Office",
        producer="Fenwick Valley University")
    story = []
    story.append(P("Fenwick Valley University", ST_SUB))
    story.append(P("StudentCompass Implementation Project Board — Meeting 7", ST_TITLE))
    story.append(P("DRAFT MINUTES — subject to approval at meeting 8", ST_ITEM))
    meta = [
        ["Field", "Detail"],
        ["Date and time", "Tuesday 8 December 2026, 14:00–16:15"],
        ["Location", "Room 2.14, Chancellor's Building, and Microsoft Teams"],
        ["Chair", "Dr Simon Hale"],
        ["Minutes", "Aisha Qureshi, Project Officer, Digital Transformation Office"],
        ["Draft issued", "10 December 2026"],
        ["Papers", "Programme status report (DO, 4 Dec); Castlegate report summary (LC); DPIA v0.4; SU paper “Scored Without Consent?”; CCN-01; Orchard extension quote"],
    ]
    story.append(ruled_table(meta, [38 * mm, 136 * mm], first_col_bold=True))
    story.append(P("Attendees", ST_CAP))
    story.append(ruled_table(ATTENDEES, [32 * mm, 66 * mm, 42 * mm, 34 * mm]))

    for title, paras in MINUTES_ITEMS:
        block = [P(title, ST_ITEM)]
        block.append(P(paras[0]))
        story.append(KeepTogether(block))
        for para in paras[1:]:
            story.append(P(para))

    story.append(PageBreak())
    story.append(P("Decisions log", ST_CAP))
    story.append(ruled_table(DECISIONS, [17 * mm, 83 * mm, 12 * mm, 62 * mm]))
    story.append(P("Actions log", ST_CAP))
    story.append(ruled_table(ACTIONS, [17 * mm, 78 * mm, 35 * mm, 20 * mm, 24 * mm]))
    story.append(Spacer(1, 6))
    story.append(P("These minutes are a draft and have not been approved by the Chair. Corrections to aisha.qureshi@fenwickvalley.ac.uk by 15 December 2026."))

    deco = page_decorator("StudentCompass Project Board — Meeting 7 — 8 December 2026 — DRAFT",
                          "Fenwick Valley University — Digital Transformation Office — Restricted")
    doc.build(story, onFirstPage=deco, onLaterPages=deco)


# ===========================================================================
# 5. SERVICE-LEVEL TRACKER (CSV)
# ===========================================================================

CSV_HEADER = ["id", "service_area", "metric", "target", "measured_value", "period",
              "status", "owner", "last_reviewed", "notes"]

CSV_ROWS = [
    ["SL-001", "Case Management", "Monthly availability", "99.9%", "99.94%", "2026-12", "Met", "Gareth Pryce", "2027-01-08", "Pre-pilot tenant. Service credits accrue from pilot start only (cl 4.3)"],
    ["SL-002", "Case Management", "Monthly availability", "99.9%", "100.00%", "2027-01 (to 21st)", "On track", "Gareth Pryce", "2027-01-22", "No incidents so far this month"],
    ["SL-003", "Engagement Analytics", "Monthly availability", "99.5%", "99.71%", "2026-12", "Met", "Gareth Pryce", "2027-01-08", "Weekly score refresh counted as planned maintenance"],
    ["SL-004", "Compass Chat", "Monthly availability", "99.5%", "98.62%", "2026-12", "Not met", "Gareth Pryce", "2027-01-08", "Halcyon API outage 11/12 approx 6h (INC-FVU-0004). NB contract cl 4.1 says 99.0% for Chat - tracker target needs checking with Legal"],
    ["SL-005", "Appointment Booking", "Monthly availability", "99.5%", "99.88%", "2026-12", "Met", "Gareth Pryce", "2027-01-08", ""],
    ["SL-006", "Integrations", "Keystone nightly feed success rate", "99% of runs", "93.5% (29/31)", "2026-12", "Not met", "Priyanka Shah", "2027-01-08", "Failures 03/12 and 17/12 - students with multiple programme records. University-side issue; fix in Keystone 26.4"],
    ["SL-007", "Integrations", "Keystone nightly feed success rate", "99% of runs", "100% (20/20)", "2027-01 (to 20th)", "Met", "Priyanka Shah", "2027-01-21", "Keystone 26.4 deployed 13/01 (one day later than planned)"],
    ["SL-008", "Integrations", "Entra ID SSO sign-in success", "99.5%", "99.97%", "2026-12", "Met", "Priyanka Shah", "2027-01-08", "SAML; conditional access policy CA-017 applied"],
    ["SL-009", "Integrations", "TimeGrid timetable sync latency", "60 min max", "35 min median; 2 runs over 60 min", "2026-12", "Partially met", "Priyanka Shah", "2027-01-08", "Internal KPI, not contractual"],
    ["SL-010", "Support", "P1 response time (24x7)", "30 min", "22 min (1 ticket)", "2026-12", "Met", "Gareth Pryce", "2027-01-08", "INC-FVU-0004 Chat outage 11/12"],
    ["SL-011", "Support", "P2 response time (24x7)", "1 hour", "1h 50m worst case (1 of 3 tickets breached)", "2027-01", "Not met", "Gareth Pryce", "2027-01-22", "Out-of-hours ticket 03/01 handled by Meridian (Pune); agent could not access tenant logs and escalated to Gothenburg at 06:10"],
    ["SL-012", "Support", "P3 response time", "4 business hours", "2.1 business hours average", "2026-12", "Met", "Gareth Pryce", "2027-01-08", ""],
    ["SL-013", "Support", "Northbridge first-line desk open in business hours", "08:00-18:00 Mon-Fri", "Closed 29/12-31/12", "2026-12", "Not met", "Gareth Pryce", "2027-01-08", "No advance notice (cl 5.1 requires 10 business days). Calls routed to Meridian. Raised with Beth Kaur 04/01"],
    ["SL-014", "Backup & DR", "RPO - Case Management", "4 hours", "2h 40m", "2026-12-14", "Met", "Lewis Carter", "2026-12-21", "First DR test under cl 4.5"],
    ["SL-015", "Backup & DR", "RTO - Case Management", "8 hours", "9h 15m", "2026-12-14", "Not met", "Lewis Carter", "2026-12-21", "DNS cut-over runbook step failed. Vendor updated runbook; re-test planned March 2027, date TBC"],
    ["SL-016", "Backup & DR", "RPO - Engagement Analytics", "24 hours", "18h", "2026-12-14", "Met", "Lewis Carter", "2026-12-21", "Restored from the previous night's feed"],
    ["SL-017", "Backup & DR", "RTO - Engagement Analytics", "48 hours", "Not tested", "2026-12-14", "Not measured", "Lewis Carter", "2026-12-21", "Only the data restore was tested, not the scoring service. Chat and Booking not in test scope"],
    ["SL-018", "Backup & DR", "Backup location", "Azure UK West only", "UK West (vendor statement)", "2026-11", "Not verified", "Lewis Carter", "2027-01-15", "Vendor says move from North Europe completed 20/11. Evidence asked for under A-07-11 - not received"],
    ["SL-019", "Security", "Pen test High findings open", "0 at pilot start", "1 (H2)", "2027-01-20", "At risk", "Lewis Carter", "2027-01-20", "H2 fix deployed 18/12. Castlegate retest 13/01: bypass still possible with encoded payload. Vendor's new fix ETA 29/01. Decision due 22/01 (D-07-03)"],
    ["SL-020", "Security", "Pen test Medium findings fixed within 90 days", "6 of 6 by 2027-02-25", "3 of 6", "2027-01-20", "In progress", "Lewis Carter", "2027-01-20", "M2, M5 and M6 open"],
    ["SL-021", "Security", "ISO/IEC 27001 certificate current (Supplier)", "Current", "NC-27001-4471 valid to 2027-03-14", "2027-01", "At risk", "Lewis Carter", "2027-01-15", "Vendor says recertification audit booked w/c 15/02"],
    ["SL-022", "Security", "Cyber Essentials Plus certificate (Supplier)", "Provided by 2026-11-30", "Not provided", "2026-11", "Not met", "Lewis Carter", "2027-01-15", "Certificate supplied 01/12 is Northbridge's (Birmingham office only). A-06-02 still open"],
    ["SL-023", "Security", "Cyber Essentials certificate (Northbridge)", "Current", "Last certificate expired 2026-06-30", "2027-01", "Not met", "Lewis Carter", "2027-01-15", "Renewal not evidenced"],
    ["SL-024", "Data protection", "Personal data breach notification", "24 hours", "No breaches notified", "2026-12", "N/A", "Tom Brennan", "2027-01-08", "Tabletop exercise with vendor and Meridian suggested - not scheduled"],
    ["SL-025", "Data protection", "Chat transcript retention", "30 days", "Oldest transcript 36 days", "2027-01-19", "Not met", "Tom Brennan", "2027-01-19", "Notice under cl 9.4 served 15/12; 20 business days ran out about 15/01. Deletion still weekly - daily run promised for release 2027.1"],
    ["SL-026", "Data protection", "Monthly deletion report received (cl 9.2)", "Monthly", "Not received", "2026-12", "Not met", "Tom Brennan", "2027-01-15", "Vendor says first report in February because no records are due for deletion until migration completes"],
    ["SL-027", "Data protection", "Sub-processor change notice", "30 days' notice", "TextHarbour notice received 2027-01-14, effective 2027-03-01", "2027-01", "Met", "Tom Brennan", "2027-01-15", "Replaces Pellucid (Dublin). Objection window closes 11/02 (20 business days)"],
    ["SL-028", "AI", "Fairness evaluation for the Risk Model version in use", "Before pilot start", "v2.2 report only (received 02/12)", "2027-01", "Not met", "Tom Brennan", "2027-01-15", "v2.3 report promised 'January'. Performance without wellbeing_contacts_90d not yet reported (A-07-05)"],
    ["SL-029", "AI", "Compass Chat blocked for under-18 users", "100% of under-18 test accounts", "100% (40 of 40)", "2027-01-15", "Met", "Priyanka Shah", "2027-01-15", "Pilot now excludes Foundation Year anyway (D-07-02). Summer school cohort not tested"],
    ["SL-030", "Reporting", "Monthly service report by 10th business day", "10th business day", "December report received 2027-01-15", "2026-12", "Met", "Gareth Pryce", "2027-01-15", "Compass Chat figures missing again; deletion section blank"],
    ["SL-031", "Legacy (Maple)", "Monthly availability", "99.5%", "99.2%", "2026-12", "Not met", "Gareth Pryce", "2027-01-08", "Orchard extension to 30/09/2027 signed 17/12; PO FVU-PO-88213. Outage 08/12 (3h 40m)"],
    ["SL-032", "Appointment Booking", "SMS delivery success rate", "98%", "97.8%", "2026-12", "Not met", "Gareth Pryce", "2027-01-08", "Internal KPI - SMS delivery by operators excluded from contract SLA. Pellucid; about 1,900 test and UAT messages"],
    ["SL-033", "Service desk", "Tickets logged with Northbridge portal", "n/a", "27", "2026-12", "Info", "Gareth Pryce", "2027-01-08", "14 configuration, 6 integration, 4 access, 3 other"],
]


def build_csv():
    path = os.path.join(OUT, "service-levels.csv")
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for row in CSV_ROWS:
            assert len(row) == len(CSV_HEADER), row[0]
            w.writerow(row)
    return len(CSV_ROWS)


def main():
    build_contract()
    build_dpia()
    n_q = build_vendor_response()
    build_minutes()
    n_rows = build_csv()
    print("questionnaire rows:", n_q, "| csv rows:", n_rows)
    for name in ["contract-schedule.docx", "dpia-draft.docx", "vendor-security-response.pdf",
                 "steering-minutes.pdf", "service-levels.csv"]:
        print("%-30s %8d bytes" % (name, os.path.getsize(os.path.join(OUT, name))))


if __name__ == "__main__":
    main()
