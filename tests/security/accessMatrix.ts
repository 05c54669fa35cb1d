/**
 * Who may do what, as one table: role × collection × operation, derived from CONTRACT.md
 * ("Roles") and each collection's access rules. `access-matrix.security.spec.ts` turns every
 * cell into a test through REST and GraphQL; `docs/security.md` renders the same data.
 *
 * Read cells name the seeded rows a role sees (labels below); `'all'` = every seeded row.
 * Write cells say whether the REST call is `allowed` or `denied` (401/403/404, row unchanged).
 */
export const ROLES = ['anonymous', 'student', 'instructor', 'sales', 'editor', 'admin'] as const
export type MatrixRole = (typeof ROLES)[number]

/** Rows seeded once per collection; the spec creates them with these labels. */
export const SEEDED_ROWS = {
  users: ['admin', 'editor', 'sales', 'instructor', 'student', 'otherStudent'],
  media: ['image'],
  enrollments: ['studentInTaughtWebinar', 'otherStudentInOtherWebinar'],
  payments: ['studentPayment', 'otherStudentPayment'],
  'email-log': ['studentEmail'],
  leads: ['assignedToSales', 'unassigned', 'assignedToOtherSales'],
  webinars: ['publishedWebinar', 'draftWebinar'],
  courses: ['publishedCourse', 'draftCourse'],
  speakers: ['speaker'],
  categories: ['category'],
  'email-templates': ['template'],
  'stripe-events': ['stripeEvent'],
  'payload-jobs': ['job'],
  // One attendance row per seeded enrollment (src/attendance).
  attendance: ['studentMark', 'otherStudentMark'],
  // A default certificate design, and the stored PDFs of the two seeded enrollments' certificates (src/certificates/pdf).
  'certificate-designs': ['design'],
  'certificate-files': ['studentPdf', 'otherStudentPdf'],
  // The two seeded enrollments' certificates (src/certificates): one at the webinar the instructor presents.
  certificates: ['studentCertificate', 'otherStudentCertificate'],
  // Selling (issue 18, docs/selling.md): one coupon; a group booking the student bought and one the other
  // student bought with the student among its attendees; the receipts of the two seeded (succeeded) payments.
  coupons: ['coupon'],
  bookings: ['studentBooking', 'otherStudentBooking'],
  receipts: ['studentReceipt', 'otherStudentReceipt'],
  // Issue 19: an address no campaign writes to (src/automation/consent).
  'email-suppressions': ['suppressedAddress'],
  // Issue 19: a rule staff made (the stock ones are there too, unlisted), and a draft campaign.
  'email-rules': ['rule'],
  campaigns: ['draftCampaign'],
  // Issue 20: a notification each for the student, the other student and the admin (src/notifications).
  notifications: ['studentNotification', 'otherStudentNotification', 'adminNotification'],
  // Issue 20: one entry of the audit log (src/audit), written as recordAudit writes them.
  'audit-log': ['entry'],
  // Issue 20: a ready personal-data export (a zip) of the student and one of the other student (src/privacy/export).
  'privacy-exports': ['studentExport', 'otherStudentExport'],
  // Issue 22: a webhook, and one delivery of an event to it (src/webhooks).
  webhooks: ['webhook'],
  'webhook-deliveries': ['delivery'],
} as const
export type MatrixCollection = keyof typeof SEEDED_ROWS

type Visible = 'all' | readonly string[]
const none: readonly string[] = []
const staffOnly = (rows: Visible) => ({ anonymous: none, student: none, instructor: rows, sales: rows, editor: rows, admin: rows })

/** Which seeded rows each role reads (REST list, REST by id, GraphQL list). */
export const READ_MATRIX: Record<MatrixCollection, Record<MatrixRole, Visible>> = {
  users: { anonymous: none, student: ['student'], instructor: ['instructor'], sales: 'all', editor: 'all', admin: 'all' },
  enrollments: {
    anonymous: none,
    student: ['studentInTaughtWebinar'],
    instructor: ['studentInTaughtWebinar'],
    sales: 'all',
    editor: 'all',
    admin: 'all',
  },
  payments: { anonymous: none, student: ['studentPayment'], instructor: none, sales: 'all', editor: 'all', admin: 'all' },
  'email-log': { anonymous: none, student: none, instructor: none, sales: none, editor: 'all', admin: 'all' },
  leads: { anonymous: none, student: none, instructor: none, sales: ['assignedToSales', 'unassigned'], editor: none, admin: 'all' },
  webinars: { ...staffOnly('all'), anonymous: ['publishedWebinar'], student: ['publishedWebinar'] },
  courses: { ...staffOnly('all'), anonymous: ['publishedCourse'], student: ['publishedCourse'] },
  // Published pages embed the files, so media is public.
  media: { anonymous: 'all', student: 'all', instructor: 'all', sales: 'all', editor: 'all', admin: 'all' },
  speakers: { anonymous: 'all', student: 'all', instructor: 'all', sales: 'all', editor: 'all', admin: 'all' },
  categories: { anonymous: 'all', student: 'all', instructor: 'all', sales: 'all', editor: 'all', admin: 'all' },
  'email-templates': staffOnly('all'),
  'stripe-events': { anonymous: none, student: none, instructor: none, sales: none, editor: none, admin: 'all' },
  'payload-jobs': { anonymous: none, student: none, instructor: none, sales: none, editor: none, admin: 'all' },
  // As the participant lists: office staff all; an instructor the items they teach; a student their own.
  attendance: { anonymous: none, student: ['studentMark'], instructor: ['studentMark'], sales: 'all', editor: 'all', admin: 'all' },
  'certificate-designs': staffOnly('all'),
  // As the certificate: its holder, the item's instructors, office staff; never anonymous (not even by file name).
  'certificate-files': { anonymous: none, student: ['studentPdf'], instructor: ['studentPdf'], sales: 'all', editor: 'all', admin: 'all' },
  // The holder, the item's instructors, office staff (the public check is the verification endpoint).
  certificates: { anonymous: none, student: ['studentCertificate'], instructor: ['studentCertificate'], sales: 'all', editor: 'all', admin: 'all' },
  // Whoever sells: sales and admins. The website learns only whether a typed code works (the price quote).
  coupons: { anonymous: none, student: none, instructor: none, sales: 'all', editor: none, admin: 'all' },
  // The buyer reads their own booking; an attendee only their own enrollment (the booking names the others and the price).
  bookings: { anonymous: none, student: ['studentBooking'], instructor: none, sales: 'all', editor: 'all', admin: 'all' },
  // As payments: the person who paid (or the group's buyer) and office staff.
  receipts: { anonymous: none, student: ['studentReceipt'], instructor: none, sales: 'all', editor: 'all', admin: 'all' },
  // The people who run campaigns; instructors have no campaign role and do not read customers' addresses.
  'email-suppressions': { anonymous: none, student: none, instructor: none, sales: 'all', editor: 'all', admin: 'all' },
  // Every staff member may see when automatic emails go out; campaigns are the office's (admins, editors, sales).
  'email-rules': staffOnly('all'),
  campaigns: { anonymous: none, student: none, instructor: none, sales: 'all', editor: 'all', admin: 'all' },
  // Personal: each person reads their own only, admins included.
  notifications: { anonymous: none, student: ['studentNotification'], instructor: none, sales: none, editor: none, admin: ['adminNotification'] },
  // Who changed what: admins only (docs/audit.md).
  'audit-log': { anonymous: none, student: none, instructor: none, sales: none, editor: none, admin: 'all' },
  // A person's own data: its owner and admins, no other staff.
  'privacy-exports': { anonymous: none, student: ['studentExport'], instructor: none, sales: none, editor: none, admin: 'all' },
  // Receiver URLs, events and the delivery log (bodies of enrollments and leads as their role reads them): admins only.
  webhooks: { anonymous: none, student: none, instructor: none, sales: none, editor: none, admin: 'all' },
  'webhook-deliveries': { anonymous: none, student: none, instructor: none, sales: none, editor: none, admin: 'all' },
}

/** GraphQL list query per collection (Payload's generated names). */
export const GRAPHQL_LIST: Record<MatrixCollection, string> = {
  users: 'Users',
  media: 'allMedia',
  enrollments: 'Enrollments',
  payments: 'Payments',
  'email-log': 'EmailLogs',
  leads: 'Leads',
  webinars: 'Webinars',
  courses: 'Courses',
  speakers: 'Speakers',
  categories: 'Categories',
  'email-templates': 'EmailTemplates',
  'stripe-events': 'StripeEvents',
  'payload-jobs': 'PayloadJobs',
  attendance: 'Attendances',
  'certificate-designs': 'CertificateDesigns',
  'certificate-files': 'CertificateFiles',
  certificates: 'Certificates',
  coupons: 'Coupons',
  bookings: 'Bookings',
  receipts: 'Receipts',
  'email-suppressions': 'EmailSuppressions',
  'email-rules': 'EmailRules',
  campaigns: 'Campaigns',
  notifications: 'Notifications',
  'audit-log': 'AuditLogs',
  'privacy-exports': 'PrivacyExports',
  webhooks: 'Webhooks',
  'webhook-deliveries': 'WebhookDeliveries',
}

export type WriteOp = 'create' | 'update' | 'delete'
export type WriteOutcome = 'allowed' | 'denied'
const roles = (allowed: MatrixRole[]): Record<MatrixRole, WriteOutcome> =>
  Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? 'allowed' : 'denied'])) as Record<MatrixRole, WriteOutcome>
const editors = roles(['editor', 'admin'])
const adminOnly = roles(['admin'])
const nobody = roles([])

/**
 * Collection writes through Payload's REST routes. `update` targets another person's row where
 * ownership matters (a student's own row is covered by the field cells below).
 */
export const WRITE_MATRIX: Partial<Record<MatrixCollection, Record<WriteOp, Record<MatrixRole, WriteOutcome>>>> = {
  users: { create: adminOnly, update: adminOnly, delete: adminOnly },
  // Student: their own row, where field rules leave nothing to write (see the field cells); instructor: a taught row.
  enrollments: { create: adminOnly, update: roles(['student', 'instructor', 'admin']), delete: adminOnly },
  payments: { create: nobody, update: adminOnly, delete: nobody },
  'email-log': { create: nobody, update: nobody, delete: nobody },
  // `POST /api/leads` is also the public capture form: everyone may submit one, but only sales and
  // admins set stage, score or assignee (tests/int/leads-capture.int.spec.ts). Update: an unassigned lead.
  leads: { create: roles([...ROLES]), update: roles(['sales', 'admin']), delete: adminOnly },
  media: { create: editors, update: editors, delete: editors },
  webinars: { create: editors, update: editors, delete: editors },
  courses: { create: editors, update: editors, delete: editors },
  speakers: { create: editors, update: editors, delete: editors },
  categories: { create: editors, update: editors, delete: editors },
  'email-templates': { create: editors, update: editors, delete: editors },
  'stripe-events': { create: nobody, update: nobody, delete: nobody },
  // Everyone else marks through the attendance endpoints, which check who teaches the item.
  attendance: { create: adminOnly, update: adminOnly, delete: adminOnly },
  'certificate-designs': { create: editors, update: editors, delete: editors },
  // Only src/certificates/pdf stores them (Local API), when a certificate is issued or reissued.
  'certificate-files': { create: nobody, update: nobody, delete: nobody },
  // Issued, revoked and reissued only through their endpoints (admins), never written over the API.
  certificates: { create: nobody, update: nobody, delete: nobody },
  // Sales and admins manage coupons; only admins delete one (and never one already redeemed).
  coupons: { create: roles(['sales', 'admin']), update: roles(['sales', 'admin']), delete: adminOnly },
  // Written by src/commerce/groups only (the register/enroll endpoint with `attendees`).
  bookings: { create: nobody, update: nobody, delete: nobody },
  // Issued by the payments hook only; never edited or deleted, not even by an admin.
  receipts: { create: nobody, update: nobody, delete: nobody },
  // Campaign staff add an address by hand and take one off; rows are never edited (the unsubscribe link writes its own).
  'email-suppressions': { create: roles(['sales', 'editor', 'admin']), update: nobody, delete: roles(['sales', 'editor', 'admin']) },
  // Rules change what everyone is sent: editors and admins (docs/automation.md).
  'email-rules': { create: editors, update: editors, delete: editors },
  // A draft campaign: campaign staff write and delete it (once scheduled, only its actions change it).
  campaigns: { create: roles(['sales', 'editor', 'admin']), update: roles(['sales', 'editor', 'admin']), delete: roles(['sales', 'editor', 'admin']) },
  // Created only by src/notifications/notify.ts; the student's own row: only they mark it read or delete it (not even an admin).
  notifications: { create: nobody, update: roles(['student']), delete: roles(['student']) },
  // Made and filled only by the export job (src/privacy/export/selfService); an admin may delete one before it expires.
  'privacy-exports': { create: nobody, update: nobody, delete: adminOnly },
  // Written only by src/audit/record.ts; nobody edits or deletes an entry, not even an admin (the retention job deletes by SQL).
  'audit-log': { create: nobody, update: nobody, delete: nobody },
  webhooks: { create: adminOnly, update: adminOnly, delete: adminOnly },
  // Written only by src/webhooks/delivery; admins redeliver through the endpoint, never edit a delivery.
  'webhook-deliveries': { create: nobody, update: nobody, delete: nobody },
}

/** Globals: `GET /api/globals/<slug>` (and the GraphQL query) to read, `POST` to update; `field` is the one read and changed. */
export const GLOBAL_MATRIX = {
  // Sales read the CRM settings to see why a lead scored what it did; only admins change them.
  'crm-settings': { graphql: 'CrmSetting', field: 'autoAssign', read: roles(['sales', 'admin']), update: adminOnly },
  // The seller printed on receipts and the bank account sent to bank-transfer buyers: staff read, admins change.
  'billing-settings': { graphql: 'BillingSetting', field: 'legalName', read: roles(['instructor', 'sales', 'editor', 'admin']), update: adminOnly },
  // How long the audit log is kept and when a person counts as inactive: admins only.
  'privacy-settings': { graphql: 'PrivacySetting', field: 'auditRetentionYears', read: adminOnly, update: adminOnly },
} as const

/** Staff-only fields: present for staff, absent for anonymous callers and students. */
export const STAFF_ONLY_FIELDS: { collection: MatrixCollection; row: string; field: string }[] = [
  { collection: 'webinars', row: 'publishedWebinar', field: 'extraNotes' },
  // `meetingLink` is not here: staff and the item's confirmed registrants read it (tests/security/meeting-link.security.spec.ts).
  { collection: 'speakers', row: 'speaker', field: 'email' },
  { collection: 'speakers', row: 'speaker', field: 'phone' },
]

/**
 * What inside an enrollment row each role may write (docs/api-enrollment.md): the student on their
 * own row, the instructor on a participant's row of a webinar they present. A field a role may not
 * write is dropped (the stored value stays); admins write every field but the server-only ones.
 */
export interface EnrollmentFieldCell {
  field: string
  /** Sent in the PATCH; `:otherStudent` and `:publishedCourse` are replaced by seeded ids. */
  value: unknown
  student: WriteOutcome
  instructor: WriteOutcome
}
const neither = { student: 'denied', instructor: 'denied' } as const
export const ENROLLMENT_FIELD_WRITES: EnrollmentFieldCell[] = [
  // Feedback is written only through the signed link (src/feedback), by nobody over the API.
  { field: 'feedbackRating', value: 4, ...neither },
  { field: 'feedbackComment', value: 'Written in the matrix', ...neither },
  { field: 'feedbackAt', value: '2030-01-01T00:00:00.000Z', ...neither },
  { field: 'attended', value: true, student: 'denied', instructor: 'allowed' },
  // Computed from the attendance rows (src/attendance/completion.ts): nobody types it.
  { field: 'completionPercentage', value: 50, ...neither },
  { field: 'completedAt', value: '2030-01-01T00:00:00.000Z', ...neither },
  { field: 'status', value: 'cancelled', ...neither },
  { field: 'paymentStatus', value: 'paid', ...neither },
  { field: 'amount', value: 0, ...neither },
  { field: 'currency', value: 'USD', ...neither },
  { field: 'priceTier', value: 'early_bird', ...neither },
  { field: 'cancellationReason', value: 'forged', ...neither },
  { field: 'cancelledAt', value: '2030-01-01T00:00:00.000Z', ...neither },
  { field: 'source', value: 'import', ...neither },
  { field: 'user', value: ':otherStudent', ...neither },
  { field: 'item', value: { relationTo: 'courses', value: ':publishedCourse' }, ...neither },
  // Issue 18: the price is frozen by the server when the seat is taken (src/commerce/coupons), the booking by src/commerce/groups.
  { field: 'coupon', value: ':coupon', ...neither },
  { field: 'listPrice', value: 1, ...neither },
  { field: 'discount', value: 999, ...neither },
  { field: 'booking', value: ':studentBooking', ...neither },
]

/** Custom endpoints × role. `allowed` = 2xx; `denied` = 401/403/404. */
export interface EndpointCell {
  name: string
  method: 'GET' | 'POST'
  /** `:taught`, `:untaught`, `:studentEnrollment`, `:studentPayment`, `:email` are replaced by seeded ids. */
  path: string
  /** JSON body sent with it, if any. */
  body?: Record<string, unknown>
  outcomes: Partial<Record<MatrixRole, WriteOutcome>>
}
/** Exports honour read access (rows are checked by the read cells); the matrix only pins anonymous out. */
const anonymousOut = { anonymous: 'denied' } as const
export const ENDPOINT_MATRIX: EndpointCell[] = [
  { name: 'the attendees of a webinar they present', method: 'GET', path: '/webinars/:taught/attendees', outcomes: roles(['instructor', 'sales', 'editor', 'admin']) },
  { name: 'the attendees of a webinar they do not present', method: 'GET', path: '/webinars/:untaught/attendees', outcomes: roles(['sales', 'editor', 'admin']) },
  { name: 'the students of a course they teach', method: 'GET', path: '/courses/:taughtCourse/students', outcomes: roles(['instructor', 'sales', 'editor', 'admin']) },
  { name: 'the enrollments CSV export', method: 'GET', path: '/enrollments/export.csv', outcomes: anonymousOut },
  { name: 'the users CSV export', method: 'GET', path: '/users/export.csv', outcomes: anonymousOut },
  { name: 'the payments CSV export', method: 'GET', path: '/payments/export.csv', outcomes: anonymousOut },
  { name: 'the leads CSV export', method: 'GET', path: '/leads/export.csv', outcomes: roles(['sales', 'admin']) },
  { name: 'a refund of someone else’s payment', method: 'POST', path: '/payments/:studentPayment/refund', outcomes: { ...roles(['admin']), admin: undefined } },
  { name: 'a resend of a logged email', method: 'POST', path: '/email-log/:email/resend', outcomes: { ...roles(['editor', 'admin']), editor: undefined, admin: undefined } },
  { name: 'running the job queue', method: 'GET', path: '/payload-jobs/run', outcomes: roles(['admin']) },
  { name: 'the attendance roster of a webinar they present', method: 'GET', path: '/webinars/:taught/attendance', outcomes: roles(['instructor', 'sales', 'editor', 'admin']) },
  { name: 'the attendance roster of a webinar they do not present', method: 'GET', path: '/webinars/:untaught/attendance', outcomes: roles(['sales', 'editor', 'admin']) },
  { name: 'the attendance roster of a session of a course they teach', method: 'GET', path: '/courses/:taughtCourse/sessions/:taughtSession/attendance', outcomes: roles(['instructor', 'sales', 'editor', 'admin']) },
  { name: 'a sample PDF of an unsaved certificate design', method: 'POST', path: '/certificate-designs/preview', outcomes: roles(['instructor', 'sales', 'editor', 'admin']) },
  { name: 'the attendance roster of a course they do not teach', method: 'GET', path: '/courses/:untaughtCourse/sessions/:untaughtSession/attendance', outcomes: roles(['sales', 'editor', 'admin']) },
  // The follow-up state after an item (src/followUps): as its participant list. Releasing it is tested in tests/int/follow-ups.int.spec.ts.
  { name: 'the follow-up state of a webinar they present', method: 'GET', path: '/webinars/:taught/follow-ups', outcomes: roles(['instructor', 'sales', 'editor', 'admin']) },
  { name: 'the follow-up state of a webinar they do not present', method: 'GET', path: '/webinars/:untaught/follow-ups', outcomes: roles(['sales', 'editor', 'admin']) },
  { name: 'the follow-up state of a course they teach', method: 'GET', path: '/courses/:taughtCourse/follow-ups', outcomes: roles(['instructor', 'sales', 'editor', 'admin']) },
  { name: 'the PDF of the student’s certificate', method: 'GET', path: '/certificates/:studentCertificate/pdf', outcomes: roles(['student', 'instructor', 'sales', 'editor', 'admin']) },
  // …and its signed Open Badges credential (src/certificates/credential): the same people.
  { name: 'the signed credential of the student’s certificate', method: 'GET', path: '/certificates/:studentCertificate/credential', outcomes: roles(['student', 'instructor', 'sales', 'editor', 'admin']) },
  // Selling (issue 18): a receipt's PDF as the receipt itself (the payer or buyer, office staff); a coupon's uses as the coupon.
  { name: 'the PDF of the student’s receipt', method: 'GET', path: '/receipts/:studentReceipt/pdf', outcomes: roles(['student', 'sales', 'editor', 'admin']) },
  { name: 'the PDF of another person’s receipt', method: 'GET', path: '/receipts/:otherStudentReceipt/pdf', outcomes: roles(['sales', 'editor', 'admin']) },
  { name: 'the redemptions of a coupon', method: 'GET', path: '/coupons/:coupon/redemptions', outcomes: roles(['sales', 'admin']) },
  // A partial refund is the refund endpoint with an amount: admins only, whatever the body says (the admin cell needs Stripe: tests/int/group-changes.int.spec.ts).
  { name: 'a partial refund of someone else’s payment', method: 'POST', path: '/payments/:studentPayment/refund', body: { amount: 1, reason: 'Matriz' }, outcomes: { ...roles(['admin']), admin: undefined } },
  // Notifications (issue 20): every account's own count and mark-all (the stream is tested over HTTP in tests/int/notifications-stream).
  { name: 'their own unread notification count', method: 'GET', path: '/notifications/unread-count', outcomes: roles(['student', 'instructor', 'sales', 'editor', 'admin']) },
  { name: 'marking all their own notifications read', method: 'POST', path: '/notifications/mark-all-read', outcomes: roles(['student', 'instructor', 'sales', 'editor', 'admin']) },
  // Retention (issue 20, src/privacy/retention): admins only; nobody has been inactive for 100 years, so the bulk erase erases no one here.
  { name: 'the retention overview of inactive people', method: 'GET', path: '/privacy/inactive?years=3', outcomes: roles(['admin']) },
  { name: 'the bulk erase of people inactive for years', method: 'POST', path: '/privacy/erase-inactive', body: { years: 100, confirm: true }, outcomes: roles(['admin']) },
  // Personal-data export (issue 20, docs/privacy.md): a person's zip for admins only; a self-service zip for its owner and admins.
  { name: 'the export of a person’s data', method: 'GET', path: '/privacy/export?user=:studentAccount', outcomes: roles(['admin']) },
  { name: 'the download of the student’s own data export', method: 'GET', path: '/privacy-exports/:studentExport/download', outcomes: roles(['student', 'admin']) },
  { name: 'the download of another person’s data export', method: 'GET', path: '/privacy-exports/:otherStudentExport/download', outcomes: roles(['admin']) },
]

/**
 * Endpoints that change or delete rows run on fresh rows for each role (`:freshLead`, `:otherFreshLead`,
 * `:wonLead`, `:ownEnrollment`); `allowed` also checks the change happened, `denied` that nothing changed.
 */
export const CHANGING_ENDPOINT_MATRIX: EndpointCell[] = [
  { name: 'merging two unassigned leads', method: 'POST', path: '/leads/:freshLead/merge', outcomes: roles(['sales', 'admin']) },
  { name: 'converting a won lead into an enrollment', method: 'POST', path: '/leads/:wonLead/convert', outcomes: roles(['sales', 'admin']) },
  { name: 'cancelling the student’s own enrollment', method: 'POST', path: '/enrollments/:ownEnrollment/cancel', outcomes: roles(['student', 'sales', 'editor', 'admin']) },
  // Marking attendance: admins and the item's own instructors; sales and editors read it but do not mark.
  { name: 'marking attendance of a webinar they present', method: 'POST', path: '/webinars/:freshTaught/attendance', outcomes: roles(['instructor', 'admin']) },
  { name: 'marking attendance of a course session of a course they do not teach', method: 'POST', path: '/courses/:freshUntaught/sessions/:session/attendance', outcomes: roles(['admin']) },
  // Certificates by hand (src/certificates): admins only.
  { name: 'issuing a certificate by hand', method: 'POST', path: '/certificates/issue', outcomes: roles(['admin']) },
  { name: 'revoking a certificate', method: 'POST', path: '/certificates/:freshCertificate/revoke', outcomes: roles(['admin']) },
  { name: 'reissuing a certificate', method: 'POST', path: '/certificates/:freshCertificate/reissue', outcomes: roles(['admin']) },
  // Money received by bank transfer, cash or deposit (src/commerce/manualPayments): admins and sales, on a fresh bank-transfer hold.
  { name: 'recording a bank transfer that pays a held seat', method: 'POST', path: '/payments/:freshTransferHold/record-manual', outcomes: roles(['sales', 'admin']) },
  // Replacing an attendee of a group before it starts (src/commerce/bookingChanges): office staff, or the booking's buyer (the student here).
  { name: 'replacing an attendee of a group booking the student bought', method: 'POST', path: '/bookings/:freshBooking/replace-attendee', outcomes: roles(['student', 'sales', 'editor', 'admin']) },
  // Erasing a person's data (issue 20, src/privacy/erasure): admins only, on a fresh lead.
  { name: 'erasing a person', method: 'POST', path: '/privacy/erase', outcomes: roles(['admin']) },
  // Asking for one's own data (src/privacy/export/selfService): anyone logged in, for themself only.
  { name: 'asking for their own data export', method: 'POST', path: '/privacy/my-export', outcomes: roles(['student', 'instructor', 'sales', 'editor', 'admin']) },
]
