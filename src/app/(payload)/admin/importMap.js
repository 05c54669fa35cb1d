import { BooleanCell as BooleanCell_7a0e11b35c32008f9f7b624699f7258a } from '../../../../src/components/BooleanCell'
import { SendInvitationField as SendInvitationField_69a29d95478e310f20198fc1f0b44c9b } from '../../../../src/collections/Users/components/SendInvitationField'
import { TimeZoneSelectField as TimeZoneSelectField_46233c142d3ce359f2913f35eb08deda } from '../../../../src/components/dates/TimeZoneSelectField'
import { ZonedDateCell as ZonedDateCell_abdbc238b69384f7ffb755e75e372ac1 } from '../../../../src/components/dates/ZonedDateCell'
import { ZonedDateField as ZonedDateField_75bb6eb459c31c6e46e1381f79aea9e2 } from '../../../../src/components/dates/ZonedDateField'
import { PersonTimeline as PersonTimeline_75dd94cece969eb400614908a71ac2f5 } from '../../../../src/components/people/PersonTimeline'
import { PersonEmailPlan as PersonEmailPlan_7a5549e5bb0a5b44485c5835922ec7a2 } from '../../../../src/components/emailPlan/PersonEmailPlan'
import { ExportPersonalDataButton as ExportPersonalDataButton_e0934178dd4bbe54fcea16541529a886 } from '../../../../src/components/privacy/ExportPersonalDataButton'
import { ErasePersonButton as ErasePersonButton_ec8080e697fd847e2a11348d4a30a111 } from '../../../../src/components/privacy/ErasePersonButton'
import { AuditHistoryLink as AuditHistoryLink_eafd742e3cfeca3f1802e339e67ddeaf } from '../../../../src/components/audit/AuditHistoryLink'
import { ExportCsvButton as ExportCsvButton_994a75f0fac4ea1d0e08189df9cd4916 } from '../../../../src/components/ExportCsvButton'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PriceCell as PriceCell_9eb1ecf6dc103d81be5b89c05bedee89 } from '../../../../src/components/currency/PriceCell'
import { PriceField as PriceField_3984cfbd0bd7e658ef8284c2ee4780c1 } from '../../../../src/components/currency/PriceField'
import { CurrencySelectField as CurrencySelectField_9a929cbe1f18c093c17e7f8830497b43 } from '../../../../src/components/currency/CurrencySelectField'
import { FollowUpPanel as FollowUpPanel_350a2970e361872142ef65c63d3f4ee3 } from '../../../../src/components/followUps/FollowUpPanel'
import { ItemEmailPlan as ItemEmailPlan_f34cc9ae9fb8dc332bc4cc9ce54135ea } from '../../../../src/components/emailPlan/ItemEmailPlan'
import { RatingReadout as RatingReadout_9dee398ef219a062a8ae4ada881dc7ef } from '../../../../src/components/ratings/RatingReadout'
import { CancelItemButton as CancelItemButton_d438a4dc3165591abf1fe910909d722f } from '../../../../src/components/cancellation/CancelItemButton'
import { ParticipantsView as ParticipantsView_bd638181b7b1981bfac2de7d03ede2d0 } from '../../../../src/components/participants/ParticipantsView'
import { ParticipantsTab as ParticipantsTab_216b4ac1f413e1af7b9bedc6a82c8b60 } from '../../../../src/components/participants/ParticipantsTab'
import { AttendanceView as AttendanceView_deccc2825b40cda90c1fca6d7b1b81a1 } from '../../../../src/components/attendance/AttendanceView'
import { AttendanceTab as AttendanceTab_0f96f093d1c81b3e02193e5317ef9eb5 } from '../../../../src/components/attendance/AttendanceTab'
import { SessionRowLabel as SessionRowLabel_59223c5787ab1b3216dbc170da089cd1 } from '../../../../src/components/ModuleRowLabel'
import { ModuleRowLabel as ModuleRowLabel_59223c5787ab1b3216dbc170da089cd1 } from '../../../../src/components/ModuleRowLabel'
import { LocalJSONField as LocalJSONField_813d4f6061db688509f0fabf1ad9a59d } from '../../../../src/components/codeEditor/LocalCodeEditorFields'
import { DuplicateCourseButton as DuplicateCourseButton_6beed71458be86157553f4bf75d0b1f5 } from '../../../../src/components/courses/DuplicateCourseButton'
import { PersonTimelineLink as PersonTimelineLink_40cba499f2c6ca7c3a6234e3aa943def } from '../../../../src/components/people/PersonTimelineLink'
import { IssueCertificateButton as IssueCertificateButton_4835ed87ab21baa7b1ff2fd5c9f6bdff } from '../../../../src/components/certificates/IssueCertificateButton'
import { ReplaceAttendee as ReplaceAttendee_330add927c782916a239903fcabfb0ba } from '../../../../src/collections/Bookings/components/ReplaceAttendee'
import { CouponRedemptions as CouponRedemptions_53b553ea9a91e0098e19bc33c2343e8f } from '../../../../src/components/coupons/CouponRedemptions'
import { ConvertLeadButton as ConvertLeadButton_a6b75163d63cf8357f94977b7040af6d } from '../../../../src/components/ConvertLeadButton'
import { RecordManualPayment as RecordManualPayment_9450280834d7789e270f97e353dccb43 } from '../../../../src/collections/Payments/components/RecordManualPayment'
import { RefundButton as RefundButton_07f0cab924f489715a60753fffa5cf36 } from '../../../../src/collections/Payments/components/RefundButton'
import { PaymentReceipts as PaymentReceipts_c3ecb2bccac120b7105fc548265ab414 } from '../../../../src/components/receipts/PaymentReceipts'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { VariableSelect as VariableSelect_9d138bef5faa64008f46bc702afb86c7 } from '../../../../src/components/emailTemplates/VariableSelect'
import { VariableChip as VariableChip_880377a0a53b66775cc7d8c8e3806fee } from '../../../../src/components/emailTemplates/VariableChip'
import { EmailTemplatePreview as EmailTemplatePreview_9dabaf5669270a96dcc5e642ccd7a605 } from '../../../../src/components/EmailTemplatePreview'
import { ResendEmailButton as ResendEmailButton_d08a78ae21a2f621ad99190e23c0383d } from '../../../../src/components/ResendEmailButton'
import { SegmentCount as SegmentCount_bd0091b2d5609d3cd185234da6f1fa7a } from '../../../../src/components/campaigns/SegmentCount'
import { CampaignActions as CampaignActions_fec9d5d1e2a2a85a57eb780430eb5892 } from '../../../../src/components/campaigns/CampaignActions'
import { DesignPreview as DesignPreview_747681e4356c1f0fdc192f75111d2c58 } from '../../../../src/components/certificateDesigns/DesignPreview'
import { DayField as DayField_81ca62224feaba34963de3cf6aed8fbb } from '../../../../src/components/certificates/DayField'
import { CredentialField as CredentialField_811b274c8060c63fa112add9dabbfc3b } from '../../../../src/components/certificates/CredentialField'
import { CertificateActions as CertificateActions_bb6faa0aa4ed8d65b67012dea139258b } from '../../../../src/components/certificates/CertificateActions'
import { ReceiptPdfLink as ReceiptPdfLink_a6cef65c24e10fb3ea7394c10705569f } from '../../../../src/components/receipts/ReceiptPdfLink'
import { SigningSecretField as SigningSecretField_f3dd5dd1f9516e34ea18629eb5f67ab0 } from '../../../../src/collections/Webhooks/components/SigningSecretField'
import { RedeliverButton as RedeliverButton_a129bd4902f26404a50612ed7a590803 } from '../../../../src/components/webhooks/RedeliverButton'
import { NotificationBell as NotificationBell_874807902cb115153f2287c246055ce4 } from '../../../../src/components/notifications/NotificationBell'
import { RetentionNavLink as RetentionNavLink_7bc8d329cb31866ce4000c21a550fc19 } from '../../../../src/components/privacy/RetentionNavLink'
import { CalendarNavLink as CalendarNavLink_35317dbf825ffd94a041237837f5caa9 } from '../../../../src/components/calendar/CalendarNavLink'
import { BusinessTimeZoneProvider as BusinessTimeZoneProvider_5ed2981c125fd1126ddb78473eaf16f9 } from '../../../../src/components/dates/BusinessTimeZoneProvider'
import { FollowUserLanguage as FollowUserLanguage_1b486a719ec623c7de9e205a54f2be73 } from '../../../../src/components/language/FollowUserLanguage'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { AulaDashboard as AulaDashboard_e587cde0b8a65a8189ccd11d420bfd60 } from '../../../../src/components/Dashboard/AulaDashboard'
import { CalendarView as CalendarView_10b0075eb0bbe5a373a8acac6dee0f40 } from '../../../../src/components/calendar/CalendarView'
import { RetentionView as RetentionView_920ac7aae9281757f1012cf61cec032f } from '../../../../src/components/privacy/RetentionView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/BooleanCell#BooleanCell": BooleanCell_7a0e11b35c32008f9f7b624699f7258a,
  "/src/collections/Users/components/SendInvitationField#SendInvitationField": SendInvitationField_69a29d95478e310f20198fc1f0b44c9b,
  "/src/components/dates/TimeZoneSelectField#TimeZoneSelectField": TimeZoneSelectField_46233c142d3ce359f2913f35eb08deda,
  "/src/components/dates/ZonedDateCell#ZonedDateCell": ZonedDateCell_abdbc238b69384f7ffb755e75e372ac1,
  "/src/components/dates/ZonedDateField#ZonedDateField": ZonedDateField_75bb6eb459c31c6e46e1381f79aea9e2,
  "/src/components/people/PersonTimeline#PersonTimeline": PersonTimeline_75dd94cece969eb400614908a71ac2f5,
  "/src/components/emailPlan/PersonEmailPlan#PersonEmailPlan": PersonEmailPlan_7a5549e5bb0a5b44485c5835922ec7a2,
  "/src/components/privacy/ExportPersonalDataButton#ExportPersonalDataButton": ExportPersonalDataButton_e0934178dd4bbe54fcea16541529a886,
  "/src/components/privacy/ErasePersonButton#ErasePersonButton": ErasePersonButton_ec8080e697fd847e2a11348d4a30a111,
  "/src/components/audit/AuditHistoryLink#AuditHistoryLink": AuditHistoryLink_eafd742e3cfeca3f1802e339e67ddeaf,
  "/src/components/ExportCsvButton#ExportCsvButton": ExportCsvButton_994a75f0fac4ea1d0e08189df9cd4916,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/currency/PriceCell#PriceCell": PriceCell_9eb1ecf6dc103d81be5b89c05bedee89,
  "/src/components/currency/PriceField#PriceField": PriceField_3984cfbd0bd7e658ef8284c2ee4780c1,
  "/src/components/currency/CurrencySelectField#CurrencySelectField": CurrencySelectField_9a929cbe1f18c093c17e7f8830497b43,
  "/src/components/followUps/FollowUpPanel#FollowUpPanel": FollowUpPanel_350a2970e361872142ef65c63d3f4ee3,
  "/src/components/emailPlan/ItemEmailPlan#ItemEmailPlan": ItemEmailPlan_f34cc9ae9fb8dc332bc4cc9ce54135ea,
  "/src/components/ratings/RatingReadout#RatingReadout": RatingReadout_9dee398ef219a062a8ae4ada881dc7ef,
  "/src/components/cancellation/CancelItemButton#CancelItemButton": CancelItemButton_d438a4dc3165591abf1fe910909d722f,
  "/src/components/participants/ParticipantsView#ParticipantsView": ParticipantsView_bd638181b7b1981bfac2de7d03ede2d0,
  "/src/components/participants/ParticipantsTab#ParticipantsTab": ParticipantsTab_216b4ac1f413e1af7b9bedc6a82c8b60,
  "/src/components/attendance/AttendanceView#AttendanceView": AttendanceView_deccc2825b40cda90c1fca6d7b1b81a1,
  "/src/components/attendance/AttendanceTab#AttendanceTab": AttendanceTab_0f96f093d1c81b3e02193e5317ef9eb5,
  "/src/components/ModuleRowLabel#SessionRowLabel": SessionRowLabel_59223c5787ab1b3216dbc170da089cd1,
  "/src/components/ModuleRowLabel#ModuleRowLabel": ModuleRowLabel_59223c5787ab1b3216dbc170da089cd1,
  "/src/components/codeEditor/LocalCodeEditorFields#LocalJSONField": LocalJSONField_813d4f6061db688509f0fabf1ad9a59d,
  "/src/components/courses/DuplicateCourseButton#DuplicateCourseButton": DuplicateCourseButton_6beed71458be86157553f4bf75d0b1f5,
  "/src/components/people/PersonTimelineLink#PersonTimelineLink": PersonTimelineLink_40cba499f2c6ca7c3a6234e3aa943def,
  "/src/components/certificates/IssueCertificateButton#IssueCertificateButton": IssueCertificateButton_4835ed87ab21baa7b1ff2fd5c9f6bdff,
  "/src/collections/Bookings/components/ReplaceAttendee#ReplaceAttendee": ReplaceAttendee_330add927c782916a239903fcabfb0ba,
  "/src/components/coupons/CouponRedemptions#CouponRedemptions": CouponRedemptions_53b553ea9a91e0098e19bc33c2343e8f,
  "/src/components/ConvertLeadButton#ConvertLeadButton": ConvertLeadButton_a6b75163d63cf8357f94977b7040af6d,
  "/src/collections/Payments/components/RecordManualPayment#RecordManualPayment": RecordManualPayment_9450280834d7789e270f97e353dccb43,
  "/src/collections/Payments/components/RefundButton#RefundButton": RefundButton_07f0cab924f489715a60753fffa5cf36,
  "/src/components/receipts/PaymentReceipts#PaymentReceipts": PaymentReceipts_c3ecb2bccac120b7105fc548265ab414,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/emailTemplates/VariableSelect#VariableSelect": VariableSelect_9d138bef5faa64008f46bc702afb86c7,
  "/src/components/emailTemplates/VariableChip#VariableChip": VariableChip_880377a0a53b66775cc7d8c8e3806fee,
  "/src/components/EmailTemplatePreview#EmailTemplatePreview": EmailTemplatePreview_9dabaf5669270a96dcc5e642ccd7a605,
  "/src/components/ResendEmailButton#ResendEmailButton": ResendEmailButton_d08a78ae21a2f621ad99190e23c0383d,
  "/src/components/campaigns/SegmentCount#SegmentCount": SegmentCount_bd0091b2d5609d3cd185234da6f1fa7a,
  "/src/components/campaigns/CampaignActions#CampaignActions": CampaignActions_fec9d5d1e2a2a85a57eb780430eb5892,
  "/src/components/certificateDesigns/DesignPreview#DesignPreview": DesignPreview_747681e4356c1f0fdc192f75111d2c58,
  "/src/components/certificates/DayField#DayField": DayField_81ca62224feaba34963de3cf6aed8fbb,
  "/src/components/certificates/CredentialField#CredentialField": CredentialField_811b274c8060c63fa112add9dabbfc3b,
  "/src/components/certificates/CertificateActions#CertificateActions": CertificateActions_bb6faa0aa4ed8d65b67012dea139258b,
  "/src/components/receipts/ReceiptPdfLink#ReceiptPdfLink": ReceiptPdfLink_a6cef65c24e10fb3ea7394c10705569f,
  "/src/collections/Webhooks/components/SigningSecretField#SigningSecretField": SigningSecretField_f3dd5dd1f9516e34ea18629eb5f67ab0,
  "/src/components/webhooks/RedeliverButton#RedeliverButton": RedeliverButton_a129bd4902f26404a50612ed7a590803,
  "/src/components/notifications/NotificationBell#NotificationBell": NotificationBell_874807902cb115153f2287c246055ce4,
  "/src/components/privacy/RetentionNavLink#RetentionNavLink": RetentionNavLink_7bc8d329cb31866ce4000c21a550fc19,
  "/src/components/calendar/CalendarNavLink#CalendarNavLink": CalendarNavLink_35317dbf825ffd94a041237837f5caa9,
  "/src/components/dates/BusinessTimeZoneProvider#BusinessTimeZoneProvider": BusinessTimeZoneProvider_5ed2981c125fd1126ddb78473eaf16f9,
  "/src/components/language/FollowUserLanguage#FollowUserLanguage": FollowUserLanguage_1b486a719ec623c7de9e205a54f2be73,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/src/components/Dashboard/AulaDashboard#AulaDashboard": AulaDashboard_e587cde0b8a65a8189ccd11d420bfd60,
  "/src/components/calendar/CalendarView#CalendarView": CalendarView_10b0075eb0bbe5a373a8acac6dee0f40,
  "/src/components/privacy/RetentionView#RetentionView": RetentionView_920ac7aae9281757f1012cf61cec032f,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
