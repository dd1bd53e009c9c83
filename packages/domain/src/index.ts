/**
 * Groundwork's domain: task types (params, answers, their checks), common task fields and the helpers the
 * server uses to validate requests. Pure: no I/O.
 * @packageDocumentation
 */

export {
  COMMON_TASK_FIELD_NAMES,
  type CommonTaskFieldName,
  type CommonTaskFields,
  commonTaskFieldsSchema,
  isCallbackTarget,
  splitTaskBody,
} from './common-fields.ts';
export {
  DATASET_FORMATS,
  type DatasetFormat,
  type DatasetFormatId,
  type DatasetTask,
  datasetFormat,
  datasetFormatsFor,
} from './datasets/catalog.ts';
export {
  type CocoAnnotation,
  type CocoAnnotationExtra,
  type CocoCategory,
  type CocoImage,
  type CocoImageExtra,
  type CocoImport,
  type CocoImportedImage,
  type CocoInfo,
  type CocoLicense,
  type CocoShape,
  type CocoWriter,
  cocoAnnotations,
  cocoCategories,
  cocoChunks,
  cocoHeader,
  cocoImage,
  cocoWriter,
  parseCoco,
} from './datasets/coco.ts';
export {
  type HuggingFaceCardInput,
  type HuggingFaceConfig,
  type HuggingFaceDtype,
  type HuggingFaceFeature,
  type HuggingFaceFeatureCollector,
  type HuggingFaceFeatures,
  type HuggingFaceField,
  type HuggingFaceRecordKind,
  type HuggingFaceTaskRow,
  huggingFaceCard,
  huggingFaceFeatureCollector,
  huggingFaceFeatures,
  huggingFaceFormatFeatures,
  huggingFaceSizeCategory,
  huggingFaceTaskRow,
  parseHuggingFaceTaskRow,
} from './datasets/huggingface.ts';
export {
  chooseLabelStudioItem,
  DATASET_IMPORT_FORMATS,
  type DatasetImageItem,
  type DatasetImageSource,
  type DatasetImportFormat,
  type DatasetRead,
  type DatasetReadProblem,
  datasetUniqueId,
  type ImageFinder,
  type ImageSize,
  imageListRows,
  isImageReference,
  type ListedImage,
  labelStudioImageNames,
  labelStudioImageSource,
  MAX_TASK_UNIQUE_ID_LENGTH,
  matchYoloLabels,
  pathBaseName,
  pathExtension,
  pathStem,
  readCocoDataset,
  readLabelStudioDataset,
  readVocDataset,
  readYoloDataset,
  resolveImage,
  uprightImageSize,
  type VocDatasetInput,
  vocImageName,
  vocXmlFiles,
  YOLO_CLASS_FILES,
  type YoloDatasetInput,
  type YoloLabelMatch,
  yamlNames,
  yoloClassNames,
  yoloLabelFiles,
} from './datasets/import-layout.ts';
export { sha256Hex } from './datasets/import-layout-sha256.ts';
export {
  type LabelStudioImport,
  type LabelStudioItem,
  type LabelStudioOptions,
  type LabelStudioTask,
  parseLabelStudio,
} from './datasets/label-studio.ts';
export {
  type DpoPair,
  type DpoPairMetadata,
  dpoPairs,
  parseDpoPairLine,
  parseRankingRecordLine,
  type RankingRecord,
  type RankingRecordMetadata,
  rankingRecords,
} from './datasets/preferences.ts';
export {
  type DatasetAnswer,
  jsonLine,
  parseTaskRecordLine,
  type RecordLineResult,
  type RecordTaskMetadata,
  type TaskRecord,
  type TaskRecordAnswer,
  taskRecord,
  taskRecordLine,
} from './datasets/records.ts';
export {
  parseSftChatLine,
  SFT_CHAT_TYPES,
  type SftChatMetadata,
  type SftChatRecord,
  sftChatRecords,
} from './datasets/sft.ts';
export { escapeXml, parseVoc, type VocImage, type VocParseResult, vocXml } from './datasets/voc.ts';
export {
  parseYoloClassesText,
  parseYoloLines,
  type YoloImageContext,
  type YoloLineProblem,
  type YoloParseResult,
  yoloClasses,
  yoloClassesText,
  yoloDataYaml,
  yoloDetectionLines,
  yoloSegmentationLines,
} from './datasets/yolo.ts';
export {
  describeIssues,
  domainErrorMap,
  type FieldIssue,
  fieldIssue,
  joinPath,
  prefixIssues,
  zodIssuesToFieldIssues,
} from './issues.ts';
export { appendInstruction, mergeProjectParams } from './project-params.ts';
export {
  type Assignment,
  optimalAssignment,
} from './quality/agreement/assignment.ts';
export {
  type BootstrapInterval,
  type BootstrapOptions,
  bootstrapInterval,
} from './quality/agreement/bootstrap.ts';
export {
  type IouAgreement,
  type IouAgreementOptions,
  type IouPairAgreement,
  iouAgreement,
} from './quality/agreement/iou.ts';
export {
  type CohenKappaOptions,
  cohenKappa,
  fleissKappa,
  type KappaLabel,
} from './quality/agreement/kappa.ts';
export {
  type KrippendorffAlphaDetails,
  krippendorffAlpha,
  krippendorffAlphaDetails,
  krippendorffAlphaInterval,
  type MeasurementLevel,
  type ReliabilityValue,
} from './quality/agreement/krippendorff.ts';
export {
  type PairAgreement,
  type PairwiseAgreementOptions,
  type PairwiseAnswer,
  pairwiseAgreement,
} from './quality/agreement/pairwise.ts';
export {
  accuracyAgainst,
  type CategoricalAnswer,
  type CategoricalConsensus,
  type CategoricalOptions,
  type DawidSkeneOptions,
  type DawidSkeneResult,
  dawidSkene,
  type GladOptions,
  type GladResult,
  glad,
  type IterativeOptions,
  type MaceOptions,
  type MaceResult,
  mace,
  majorityVote,
  type OneCoinResult,
  oneCoinDawidSkene,
  type SyntheticCrowd,
  type SyntheticCrowdOptions,
  symmetricConfusion,
  syntheticCrowd,
  wawa,
} from './quality/categorical/index.ts';
export { binomialTest } from './quality/checks/binomial-test.ts';
export {
  type FastAnswersOptions,
  type FastAnswersResult,
  fastAnswers,
  type TimedAnswer,
} from './quality/checks/fast-answers.ts';
export {
  type LengthBiasOptions,
  type LengthBiasResult,
  type LengthChoice,
  lengthBias,
} from './quality/checks/length-bias.ts';
export {
  type SideBiasOptions,
  type SideBiasResult,
  type SideChoice,
  sideBias,
} from './quality/checks/side-bias.ts';
export {
  type PreferenceJudgement,
  type TransitivityOptions,
  type TransitivityResult,
  transitivityViolations,
} from './quality/checks/transitivity.ts';
export {
  type BoxAnswer,
  boxIou,
  type FuseBoxesOptions,
  type FusedBox,
  fuseBoxes,
  type LabeledBox,
} from './quality/geometry/boxes.ts';
export type { FusionOptions, FusionSupport } from './quality/geometry/clusters.ts';
export {
  type FusedPoint,
  type FusePointsOptions,
  fusePoints,
  type LabeledPoint,
  type PointAnswer,
} from './quality/geometry/points.ts';
export {
  polygonArea,
  polygonIntersectionArea,
  polygonIou,
  signedPolygonArea,
} from './quality/geometry/polygon.ts';
export {
  type FusedPolygon,
  type FusePolygonsOptions,
  fusePolygons,
  type LabeledPolygon,
  type PolygonAnswer,
} from './quality/geometry/polygons.ts';
export {
  type BradleyTerryOptions,
  type BradleyTerryResult,
  bradleyTerry,
  type Comparison,
  type NoisyBradleyTerryOptions,
  type NoisyBradleyTerryResult,
  noisyBradleyTerry,
} from './quality/preferences/bradley-terry.ts';
export {
  type PairwiseMajority,
  pairwiseMajority,
  type Ranking,
  rankingToComparisons,
} from './quality/preferences/pairwise.ts';
export { type TextConsensus, type TextMedoidOptions, textMedoid } from './quality/preferences/text-medoid.ts';
export { mulberry32 } from './quality/random.ts';
export {
  type AgreementAnswer,
  type AgreementBootstrapOptions,
  type AgreementInterval,
  type AgreementReport,
  type AgreementReportInput,
  type AlphaSummary,
  agreementReport,
  type GroupAgreement,
  type LabelAgreement,
  type WorkerPairAgreement,
} from './quality/reports/agreement-report.ts';
export {
  type FindPiiOptions,
  findPii,
  normalizeName,
  PII_KINDS,
  type PiiKind,
  type PiiMatch,
  resolveOverlaps,
} from './redaction/find-pii.ts';
export {
  IBAN_DETECTOR,
  ID_DETECTORS,
  type IdDetector,
  isIssuableSsn,
  type TextSpan,
  US_SSN_DETECTOR,
} from './redaction/ids.ts';
export {
  type ProjectRedaction,
  projectRedactionSchema,
  REDACTION_AUDIENCES,
  type RedactionWorkforce,
  readRedaction,
  redactionOptions,
  redactsFor,
} from './redaction/policy.ts';
export {
  createPlaceholders,
  normalizePii,
  type OffsetBias,
  type OffsetMap,
  offsetMap,
  PLACEHOLDER_WORDS,
  type PlaceholderEntry,
  type Placeholders,
  placeholderTokens,
  type RedactableMatch,
  type RedactedText,
  type RedactionSegment,
  redactText,
  restorePlaceholders,
} from './redaction/redact-text.ts';
export {
  emptyRedaction,
  type ParamsPath,
  REDACTION_VERSION,
  type RedactedField,
  type RedactedResponse,
  type RedactedTaskParams,
  type Redaction,
  redactableTextPaths,
  redactionSchema,
  redactResponse,
  redactTaskParams,
  unredactResponse,
} from './redaction/task-params.ts';
export { BUILT_IN_TASK_TYPES, createTaskTypeRegistry } from './registry.ts';
export { attachmentTypeOf, type SampleImages, sampleTaskContent } from './sample-content.ts';
export { ATTACHMENT_TYPES, type AttachmentType, attachmentReferenceSchema } from './shared/attachments.ts';
export {
  type FieldDescriptions,
  fieldAnswersSchema,
  fieldDescriptionsSchema,
} from './shared/field-descriptions.ts';
export {
  type ChatMessage,
  type Criterion,
  chatMessageSchema,
  criteriaSchema,
  criterionSchema,
  type Prompt,
  promptSchema,
  type RatingScale,
  ratingScaleSchema,
} from './shared/genai.ts';
export {
  type Bounds,
  boundsOfPoints,
  distance,
  expandBounds,
  type Point,
} from './shared/geometry.ts';
export {
  type LabelDescription,
  type LabelOption,
  labelDescriptionSchema,
  labelListSchema,
  labelOptionSchema,
  leafLabels,
} from './shared/label-description.ts';
export {
  type CheckResponseResult,
  type ConsensusResult,
  checkResponse,
  isDisplayOrder,
  type ParseParamsResult,
  parseTaskParams,
  randomDisplayOrder,
  type TaskType,
  type TaskTypeRegistry,
} from './task-type.ts';
export {
  type CategorizationParams,
  type CategorizationResponse,
  categorizationParamsSchema,
  categorizationResponseSchema,
  categorizationTaskType,
} from './task-types/categorization/index.ts';
export {
  type ComparisonParams,
  type ComparisonResponse,
  comparisonParamsSchema,
  comparisonResponseSchema,
  comparisonTaskType,
} from './task-types/comparison/index.ts';
export {
  type DatacollectionParams,
  type DatacollectionResponse,
  datacollectionParamsSchema,
  datacollectionResponseSchema,
  datacollectionTaskType,
} from './task-types/datacollection/index.ts';
export {
  type DemonstrationParams,
  type DemonstrationResponse,
  demonstrationParamsSchema,
  demonstrationResponseSchema,
  demonstrationTaskType,
} from './task-types/demonstration/index.ts';
export {
  type AnnotationAttribute,
  type AttributeSubject,
  type AttributeValue,
  annotationAttributeSchema,
  attributeApplies,
  isRequired,
} from './task-types/imageannotation/attributes.ts';
export { imageannotationParamsSchema, imageannotationTaskType } from './task-types/imageannotation/index.ts';
export {
  GEOMETRY_KINDS,
  type GeometryKind,
  type ImageannotationParams,
} from './task-types/imageannotation/params.ts';
export {
  type BaseAnnotation,
  CUBOID_VERTEX_DESCRIPTIONS,
  type ImageAnnotation,
  type ImageannotationResponse,
  imageAnnotationSchema,
  imageannotationResponseSchema,
} from './task-types/imageannotation/response.ts';
export {
  type EntityLabel,
  entityLeafLabels,
  type NamedentityrecognitionParams,
  type NamedentityrecognitionResponse,
  namedentityrecognitionParamsSchema,
  namedentityrecognitionResponseSchema,
  namedentityrecognitionTaskType,
} from './task-types/namedentityrecognition/index.ts';
export {
  type PairwisepreferenceParams,
  type PairwisepreferenceResponse,
  pairwisepreferenceParamsSchema,
  pairwisepreferenceResponseSchema,
  pairwisepreferenceTaskType,
} from './task-types/pairwisepreference/index.ts';
export {
  type RankingParams,
  type RankingResponse,
  rankingParamsSchema,
  rankingResponseSchema,
  rankingTaskType,
} from './task-types/ranking/index.ts';
export { type FormField, formFieldSchema } from './task-types/textcollection/form-fields.ts';
export {
  type TextcollectionParams,
  type TextcollectionResponse,
  textcollectionParamsSchema,
  textcollectionResponseSchema,
  textcollectionTaskType,
} from './task-types/textcollection/index.ts';
export { conditionHolds } from './task-types/textcollection/validate.ts';
export {
  type TranscriptionParams,
  type TranscriptionResponse,
  transcriptionParamsSchema,
  transcriptionResponseSchema,
  transcriptionTaskType,
} from './task-types/transcription/index.ts';
export {
  goldVerdict,
  needsReview,
  type ProjectQuality,
  type ProjectRouting,
  type ProjectWorkflow,
  projectQualitySchema,
  projectRoutingSchema,
  projectWorkflowSchema,
  readQuality,
  readRouting,
  readWorkflow,
  reviewPolicySchema,
  routedWorkforceSchema,
  stableFraction,
  type TrainingState,
  trainingState,
  trainingTarget,
} from './workflow/index.ts';
